// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QFormLayout;
class QLineEdit;
class QPushButton;
class QWidget;

namespace ferry::ui {

/// The connection dialog's two ways of giving a secret (an agent's token,
/// a Jupyter server's): a file to read, with a Browse button, or the
/// secret pasted into a password field. Holds the widgets; reading and
/// checking the secret is the dialog's, which knows whose it is.
class TokenFields final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenFields)

public:
    /// The widgets are children of @p dialog; @p browseTitle is the file
    /// dialog's title.
    TokenFields(QWidget *dialog, const QString &browseTitle);

    /// Adds the file row and the pasted row to @p form; returns their rows.
    QList<int> addRows(QFormLayout *form);
    /// Names the controls for assistive technology.
    void setAccessibleNames(const QString &fileName, const QString &browseName, const QString &pastedName);

    QLineEdit *fileEdit() const { return m_file; }
    QPushButton *browseButton() const { return m_browse; }
    QLineEdit *pastedEdit() const { return m_pasted; }

    QString file() const;
    QByteArray pasted() const;
    /// The pasted field empty, with a hint of where the secret is kept.
    void clearPasted(bool inKeychain);

private:
    void browse();

    QWidget *m_dialog;
    QString m_browseTitle;
    QLineEdit *m_file;
    QPushButton *m_browse;
    QLineEdit *m_pasted;
};

} // namespace ferry::ui
