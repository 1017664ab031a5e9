// Proxy job.
#include "playback/ProxyJob.h"

#include "video/ProxyBuilder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/resource.h>

namespace vigil {

ProxyJob::ProxyJob(const QString& source, const QString& target, Progress progress, Done done)
{
    m_thread = std::thread([this, source, target, progress = std::move(progress), done = std::move(done)] {
        // Linux gives each thread its own nice value: only this one is lowered.
        setpriority(PRIO_PROCESS, 0, 10);
        try {
            QDir().mkpath(QFileInfo(target).absolutePath());
            int64_t reported = -1;
            const bool ok = buildProxy(QFile::encodeName(source).toStdString(), QFile::encodeName(target).toStdString(), {},
                                       [&](int64_t doneFrames, int64_t total) {
                                           // About a hundred reports, not one per frame.
                                           const int64_t percent = total > 0 ? doneFrames * 100 / total : 0;
                                           if (percent != reported && progress) {
                                               reported = percent;
                                               progress(doneFrames, total);
                                           }
                                           return !m_cancel.load();
                                       });
            m_finished.store(true);
            done(ok, QString());
        } catch (const std::exception& e) {
            m_finished.store(true);
            done(false, QString::fromStdString(e.what()));
        }
    });
}

ProxyJob::~ProxyJob()
{
    m_cancel.store(true);
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace vigil
