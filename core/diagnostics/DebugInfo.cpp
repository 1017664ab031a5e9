#include "diagnostics/DebugInfo.h"

#include "model/BlasRuntime.h"
#include "model/RuntimeInfo.h"
#include "video/FfmpegInfo.h"

#include <QSysInfo>
#include <QThread>

namespace vigil {

QStringList debugInformation(const DebugContext& context)
{
    const TorchRuntime torch = torchRuntime();
    QStringList lines;
    lines << QStringLiteral("Vigil: %1 %2%3")
                 .arg(context.program, context.version, context.safeMode ? QStringLiteral(" (Safe Mode)") : QString());
    lines << QStringLiteral("Qt: %1 (built with %2)").arg(QLatin1String(qVersion()), QLatin1String(QT_VERSION_STR));
    lines << QStringLiteral("LibTorch: %1").arg(QString::fromStdString(torch.version));
    lines << QStringLiteral("oneDNN: %1").arg(torch.onednn.empty() ? QStringLiteral("not in this LibTorch")
                                                                   : QString::fromStdString(torch.onednn) + QStringLiteral(" (LibTorch's)"));
    lines << QStringLiteral("BLAS: %1").arg(QString::fromStdString(describeBlasKernels()));
    lines << QStringLiteral("FFmpeg: %1").arg(QString::fromStdString(ffmpegVersions()).mid(7));
    lines << QStringLiteral("System: %1, kernel %2, %3, %4 logical processors")
                 .arg(QSysInfo::prettyProductName(), QSysInfo::kernelVersion(), QSysInfo::currentCpuArchitecture())
                 .arg(QThread::idealThreadCount());
    QString cuda = torch.cudaDevices > 0 ? QStringLiteral("%1 CUDA device(s)").arg(torch.cudaDevices) : QStringLiteral("no CUDA device");
    if (!torch.cuda.empty())
        cuda += QStringLiteral(", LibTorch built with CUDA %1").arg(QString::fromStdString(torch.cuda));
    else
        cuda += QStringLiteral(", LibTorch built without CUDA");
    lines << QStringLiteral("Devices: CPU; %1").arg(cuda);
    if (!context.device.isEmpty())
        lines << QStringLiteral("Device chosen: %1").arg(context.device);
    lines << QStringLiteral("Model: %1").arg(context.model.isEmpty() ? QStringLiteral("none chosen") : context.model);
    if (!context.modelFingerprint.isEmpty())
        lines << QStringLiteral("Model fingerprint: %1").arg(context.modelFingerprint);
    if (!context.logFolder.isEmpty())
        lines << QStringLiteral("Logs: %1").arg(context.logFolder);
    return lines;
}

} // namespace vigil
