// Settings on real files in a temporary folder: defaults without a file, only changes
// stored, shared and local kept apart, bad values refused with the key, a damaged file set
// aside, a bad stored value ignored, an older Vigil's settings moved over once.
#include "model/Error.h"
#include "settings/Settings.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestSettings : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_count = 0;

    QString folder() { return m_dir.filePath(QString::number(++m_count)); }

private slots:
    void defaultsAndOnlyTheChanges()
    {
        const QString f = folder(), config = f + "/config/vigil/vigil.conf", state = f + "/state/vigil/state.conf";
        {
            Settings s(config, state);
            QVERIFY(s.notices().isEmpty());
            QCOMPARE(s.text(settingKey::device), QStringLiteral("auto"));
            QCOMPARE(s.integer(settingKey::batch), 16);
            QCOMPARE(s.number(settingKey::threshold), 0.5);
            QVERIFY(!s.flag(settingKey::exportOverlay));
            QVERIFY(!s.text(settingKey::analyst).isEmpty()); // the login name
            QVERIFY(!s.isSet(settingKey::batch));
            s.setValue(settingKey::batch, 64);
            s.setText(settingKey::exportOverlay, QStringLiteral("true"));
            s.setValue(settingKey::recentProjects, QStringList{QStringLiteral("/p/a.vigil"), QStringLiteral("/p/b.vigil")});
            s.setValue(settingKey::threshold, 0.5); // the default: not stored
            s.sync();
        }
        const QByteArray shared = readAll(config), local = readAll(state);
        QVERIFY2(shared.contains("batch=64") && shared.contains("overlay=true"), shared.constData());
        QVERIFY2(!shared.contains("threshold") && !shared.contains("recentProjects"), shared.constData());
        QVERIFY2(shared.contains("version=2"), shared.constData());
        QVERIFY2(local.contains("recentProjects") && !local.contains("batch"), local.constData());
        Settings again(config, state);
        QCOMPARE(again.integer(settingKey::batch), 64);
        QVERIFY(again.flag(settingKey::exportOverlay));
        QCOMPARE(again.value(settingKey::recentProjects).toStringList(), (QStringList{QStringLiteral("/p/a.vigil"), QStringLiteral("/p/b.vigil")}));
        again.reset(settingKey::batch);
        again.sync();
        QVERIFY(!readAll(config).contains("batch"));
        QCOMPARE(again.integer(settingKey::batch), 16);
    }

    void badValuesAreRefusedWithTheKey_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("choice") << settingKey::device << QStringLiteral("gpu")
                                << QStringLiteral("compute/device: 'gpu' is not one of auto, cpu, cpu-int8, cuda, cuda-fp16");
        QTest::newRow("range") << settingKey::threads << QStringLiteral("500") << QStringLiteral("compute/threads: 500 is outside 0-256");
        QTest::newRow("int") << settingKey::batch << QStringLiteral("lots") << QStringLiteral("compute/batch: 'lots' is not a whole number");
        QTest::newRow("number") << settingKey::threshold << QStringLiteral("high") << QStringLiteral("detection/threshold: 'high' is not a number");
        QTest::newRow("bool") << settingKey::exportReencode << QStringLiteral("maybe")
                              << QStringLiteral("export/reencode: 'maybe' is not true or false");
        QTest::newRow("unknown") << QStringLiteral("compute/colour") << QStringLiteral("1")
                                 << QStringLiteral("unknown setting 'compute/colour'");
    }

    void badValuesAreRefusedWithTheKey()
    {
        QFETCH(QString, key);
        QFETCH(QString, text);
        QFETCH(QString, message);
        const QString f = folder();
        Settings s(f + "/vigil.conf", f + "/state.conf");
        try {
            s.setText(key, text);
            QFAIL("a bad value was stored");
        } catch (const Error& e) {
            QVERIFY2(QString::fromUtf8(e.what()).startsWith(message), e.what());
        }
        QVERIFY(!s.isSet(key));
    }

    void aDamagedFileIsSetAside()
    {
        const QString f = folder(), config = f + "/vigil.conf";
        writeFile(config, QByteArray("[compute]\nbatch=32\n\0\x01\x02\xff\xfe garbage", 40));
        Settings s(config, f + "/state.conf");
        QCOMPARE(s.notices().size(), 1);
        QVERIFY2(s.notices().first().contains(QLatin1String("could not be read; it was set aside as ")), qPrintable(s.notices().first()));
        const QStringList aside = QDir(f).entryList({QStringLiteral("vigil.conf.damaged-*")});
        QCOMPARE(aside.size(), 1);
        QCOMPARE(readAll(f + "/" + aside.first()).size(), 40); // kept whole
        QCOMPARE(s.integer(settingKey::batch), 16);             // the defaults
        s.setValue(settingKey::batch, 8);                       // and it works
        s.sync();
        QCOMPARE(Settings(config, f + "/state.conf").integer(settingKey::batch), 8);
    }

    void aBadStoredValueIsIgnoredAndSaid()
    {
        const QString f = folder(), config = f + "/vigil.conf";
        writeFile(config, "[meta]\nversion=2\n[compute]\nthreads=abc\ndevice=cuda\n[ui]\ntheme=purple\n");
        Settings s(config, f + "/state.conf");
        QCOMPARE(s.integer(settingKey::threads), 0);
        QCOMPARE(s.text(settingKey::device), QStringLiteral("cuda"));
        QCOMPARE(s.text(settingKey::theme), QStringLiteral("system"));
        const QString notices = s.notices().join(QLatin1Char('\n'));
        QVERIFY2(notices.contains(QLatin1String("compute/threads: 'abc' is not a whole number; the default '0' is used.")), qPrintable(notices));
        QVERIFY2(notices.contains(QLatin1String("ui/theme: 'purple' is not one of system, light, dark")), qPrintable(notices));
    }

    void anOlderVigilsSettingsAreMovedOnce()
    {
        const QString f = folder(), config = f + "/vigil/vigil.conf", state = f + "/state/state.conf", legacy = f + "/Vigil/Vigil.conf";
        {
            QDir().mkpath(f + "/Vigil");
            QSettings old(legacy, QSettings::IniFormat);
            old.setValue(QStringLiteral("recentProjects"), QStringList{QStringLiteral("/p/old.vigil")});
            old.setValue(QStringLiteral("research/truth"), QStringLiteral("labels"));
            old.setValue(QStringLiteral("window/geometry"), QByteArray("\x01\x02\x03", 3));
            old.setValue(QStringLiteral("something/else"), 7);
        }
        {
            Settings s(config, state, legacy);
            QCOMPARE(s.notices(), QStringList{QStringLiteral("3 setting(s) of an older Vigil were moved from %1.").arg(legacy)});
            QCOMPARE(s.text(settingKey::truth), QStringLiteral("labels"));
            QCOMPARE(s.value(settingKey::recentProjects).toStringList(), QStringList{QStringLiteral("/p/old.vigil")});
            QCOMPARE(s.value(settingKey::windowGeometry).toByteArray(), QByteArray("\x01\x02\x03", 3));
            s.setValue(settingKey::truth, QStringLiteral("ground"));
            s.sync();
        }
        QVERIFY(readAll(config).contains("truth=ground"));
        QVERIFY(readAll(state).contains("recentProjects"));
        Settings again(config, state, legacy); // the config file exists now: no second move
        QVERIFY(again.notices().isEmpty());
        QCOMPARE(again.text(settingKey::truth), QStringLiteral("ground"));
    }

    void aNewerVigilsFileIsReadAndSaid()
    {
        const QString f = folder(), config = f + "/vigil.conf";
        writeFile(config, "[meta]\nversion=9\n[compute]\nbatch=48\n");
        Settings s(config, f + "/state.conf");
        QCOMPARE(s.integer(settingKey::batch), 48);
        QCOMPARE(s.notices().size(), 1);
        QVERIFY(s.notices().first().contains(QLatin1String("newer Vigil (settings version 9)")));
    }

    void everyDefaultPassesItsOwnCheck()
    {
        const QString f = folder();
        Settings s(f + "/vigil.conf", f + "/state.conf");
        for (const SettingSpec& spec : settingSpecs()) {
            QVERIFY2(!spec.description.isEmpty(), qPrintable(spec.key));
            s.setValue(spec.key, spec.defaultValue); // throws if a default is out of its own range
            QVERIFY2(!s.isSet(spec.key), qPrintable(spec.key));
        }
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
