// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/entry.h"

#include <QDialog>

#include <array>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace ferry::ui {

/// Properties of one remote entry, with a permissions editor. It never talks
/// to the agent: on OK with a changed mode it emits chmodRequested() and the
/// caller sends the request. Non-modal friendly: open() or show() and
/// listen to chmodRequested() or finished().
class PropertiesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PropertiesDialog)

public:
    /// @p remotePath is the entry's full path below the agent's root.
    PropertiesDialog(const protocol::Entry &entry, const QString &remotePath, QWidget *parent = nullptr);
    ~PropertiesDialog() override;

    const protocol::Entry &entry() const { return m_entry; }
    QString remotePath() const { return m_path; }
    /// The permission bits as edited (07777).
    quint32 mode() const { return m_mode; }
    /// Whether mode() differs from the entry's.
    bool modeChanged() const { return m_mode != (m_entry.mode & 07777); }
    /// Sets the edited bits; every view of them follows.
    void setMode(quint32 mode);
    /// False for links, whose permissions cannot be changed.
    bool isModeEditable() const { return m_editable; }
    /// For a folder: whether the changed bits go to everything inside too.
    bool applyRecursively() const;

Q_SIGNALS:
    /// Any change of the edited bits, from a checkbox or the octal field.
    void modeEdited(quint32 mode);
    /// OK was pressed with a changed mode.
    void chmodRequested(const QString &remotePath, quint32 mode);
    /// OK was pressed with a changed mode and "Apply changes to all
    /// contents": the bits in @p mask become those of @p mode in the
    /// folder and beneath it (instead of chmodRequested()).
    void recursiveChmodRequested(const QString &remotePath, quint32 mode, quint32 mask);

private:
    // Checkbox order: the bits from 04000 down to 00001.
    static constexpr int BitCount = 12;

    QWidget *createDetails();
    QWidget *createPermissions();
    void octalEdited(const QString &text);
    void showMode();
    char typeLetter() const;

    protocol::Entry m_entry;
    QString m_path;
    quint32 m_mode;
    bool m_editable;
    bool m_updating = false;
    std::array<QCheckBox *, BitCount> m_bits{};
    QLineEdit *m_octal = nullptr;
    QLabel *m_symbolic = nullptr;
    QCheckBox *m_recursive = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace ferry::ui
