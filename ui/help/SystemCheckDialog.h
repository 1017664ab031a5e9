// Help > System Check (and the first start): runs the check on a worker thread and shows
// each item with what was found and, when it did not pass, what to do, with Choose File...
// and Open Folder buttons. Dumb about where the model comes from: the caller gives the
// input and takes the model the user settles on (modelChosen).
#pragma once

#include "diagnostics/SystemCheck.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QLabel;
class QPushButton;
class QThread;
class QVBoxLayout;

namespace vigil {

/// GUI thread only.
class SystemCheckDialog : public QDialog {
    Q_OBJECT
public:
    explicit SystemCheckDialog(const SystemCheckInput& input, QWidget* parent = nullptr);
    ~SystemCheckDialog() override;

    /// Starts (again) with the input as it stands now (aboutToRun lets the caller update
    /// the project's part first).
    void run();
    /// The project's part of the input (videos, caches, Safe Mode), for a run of a project
    /// changed since the window opened; the model files the user chose here are kept.
    void setProjectInput(const SystemCheckInput& input);
    bool running() const { return m_thread != nullptr; }
    const SystemCheckResult& result() const { return m_result; }
    const SystemCheckInput& input() const { return m_input; }
    QLabel* summaryLabel() const { return m_summary; }

signals:
    /// Before each run, directly: the moment to call setProjectInput.
    void aboutToRun();
    void checkFinished(const vigil::SystemCheckResult& result);
    /// The model files passed with paths other than the ones given: use them.
    void modelChosen(const QString& checkpoint, const QString& centroid, const QString& labels);
    void vocabularyChosen(const QString& path);

private:
    void showResult(const SystemCheckResult& result);
    QWidget* itemRow(const CheckItem& item);
    void choose(CheckItem::Fix fix);

    SystemCheckInput m_input;
    SystemCheckInput m_given;
    SystemCheckResult m_result;
    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QLabel* m_summary = nullptr;
    QWidget* m_items = nullptr;
    QVBoxLayout* m_itemsLayout = nullptr;
    QPushButton* m_again = nullptr;
    QPushButton* m_use = nullptr;
};

} // namespace vigil
