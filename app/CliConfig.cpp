// vigil-cli config: the settings the desktop application and the command line share
// (settings/SettingsTable.h), shown and changed.
#include "CliCommon.h"

#include "settings/Settings.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace vigil::cli {

Settings& settings()
{
    static Settings instance;
    static const bool said = [] {
        for (const QString& notice : instance.notices())
            QTextStream(stderr) << "vigil-cli: " << notice << Qt::endl;
        return true;
    }();
    (void)said;
    return instance;
}

int config(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("The settings the desktop application (Edit > Settings) and vigil-cli share. A flag on the\n"
           "command line wins over a setting.\n"
           "  list [--all]       every setting: key, value, '(default)' when not changed, what it means;\n"
           "                     --all adds this machine's state (window layout, recent projects)\n"
           "  get KEY            the value in force\n"
           "  set KEY VALUE      checks the value (type, range, choices) and stores it\n"
           "  reset KEY | --all  back to the default\n"
           "  path               the settings files"));
    parser.addHelpOption();
    const QCommandLineOption all(QStringLiteral("all"), tr("With list: also the local state; with reset: every setting."));
    parser.addOption(all);
    parser.addPositionalArgument(QStringLiteral("action"), tr("list, get, set, reset or path."));
    parseOrExit(parser, arguments, QStringLiteral("config"), true);
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    QTextStream out(stdout);
    try {
        Settings& s = settings();
        if (action == QLatin1String("list") && args.size() == 1) {
            for (const SettingSpec& spec : settingSpecs()) {
                if (spec.scope == SettingScope::Local && !parser.isSet(all))
                    continue;
                out << spec.key << " = " << s.displayText(spec.key) << (s.isSet(spec.key) ? QString() : tr("  (default)"))
                    << Qt::endl
                    << "    " << settingTypeName(spec.type)
                    << (spec.type == SettingType::Choice ? QStringLiteral(" (") + spec.choices.join(QLatin1Char('|')) + QLatin1Char(')')
                                                         : QString())
                    << (spec.scope == SettingScope::Local ? tr(", this machine's state") : QString()) << ": " << spec.description
                    << Qt::endl;
            }
            return 0;
        }
        if (action == QLatin1String("get") && args.size() == 2) {
            out << s.displayText(args[1]) << Qt::endl;
            return 0;
        }
        if (action == QLatin1String("set") && args.size() == 3) {
            const SettingSpec* spec = settingSpec(args[1]);
            if (spec && (spec->type == SettingType::Bytes || spec->type == SettingType::TextList))
                die(tr("%1 is kept by the desktop application, not set by hand").arg(args[1]), kExitUsage);
            s.setText(args[1], args[2]);
            s.sync();
            out << args[1] << " = " << s.displayText(args[1]) << Qt::endl;
            return 0;
        }
        if (action == QLatin1String("reset") && ((args.size() == 2 && !parser.isSet(all)) || (args.size() == 1 && parser.isSet(all)))) {
            if (parser.isSet(all))
                s.resetAll();
            else
                s.reset(args[1]);
            s.sync();
            return 0;
        }
        if (action == QLatin1String("path") && args.size() == 1) {
            out << s.configFile() << Qt::endl << s.stateFile() << Qt::endl;
            return 0;
        }
    } catch (const std::exception& e) {
        die(QString::fromUtf8(e.what()));
    }
    die(tr("usage: vigil-cli config list|get KEY|set KEY VALUE|reset KEY|reset --all|path (see 'vigil-cli config --help')"),
        kExitUsage);
}

} // namespace vigil::cli
