// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/propertiesdialog.h"

#include "core/humanformat.h"
#include "core/pathcodec.h"
#include "core/protocol/remotepath.h"
#include "ui/displayformat.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeDatabase>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

#include <functional>

using namespace Qt::StringLiterals;

namespace ferry::ui {

namespace {

constexpr quint32 bitAt(int index)
{
    return 04000u >> index;
}

QString octal(quint32 mode)
{
    return u"%1"_s.arg(mode & 07777, 4, 8, QLatin1Char('0'));
}

QIcon iconFor(const protocol::Entry &entry)
{
    using Type = protocol::Entry::Type;
    switch (entry.type) {
    case Type::Directory: return QIcon::fromTheme(u"folder"_s);
    case Type::Symlink: return QIcon::fromTheme(u"inode-symlink"_s, QIcon::fromTheme(u"emblem-symbolic-link"_s));
    case Type::Other: return QIcon::fromTheme(u"application-x-zerosize"_s, QIcon::fromTheme(u"text-x-generic"_s));
    case Type::File: break;
    }
    const QMimeType mime = QMimeDatabase().mimeTypeForFile(entry.name, QMimeDatabase::MatchExtension);
    return QIcon::fromTheme(mime.iconName(), QIcon::fromTheme(mime.genericIconName(), QIcon::fromTheme(u"text-x-generic"_s)));
}

// Leaving a half-typed value ("06") puts back the mode in force instead of
// keeping text that means nothing.
class OctalValidator final : public QRegularExpressionValidator
{
public:
    OctalValidator(std::function<QString()> current, QObject *parent)
        : QRegularExpressionValidator(QRegularExpression(u"[0-7]{3,4}"_s), parent)
        , m_current(std::move(current))
    {
    }
    void fixup(QString &input) const override { input = m_current(); }

private:
    std::function<QString()> m_current;
};

QLabel *selectable(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

PropertiesDialog::~PropertiesDialog()
{
    // QDialog's destructor hides the dialog, and the octal field then loses
    // the focus: its editingFinished must not reach this half-destroyed object.
    if (m_octal)
        m_octal->disconnect(this);
}

PropertiesDialog::PropertiesDialog(const protocol::Entry &entry, const QString &remotePath, QWidget *parent)
    : QDialog(parent)
    , m_entry(entry)
    , m_path(remotePath)
    , m_mode(entry.mode & 07777)
    // The agent refuses to change a link's mode rather than follow it.
    , m_editable(entry.type != protocol::Entry::Type::Symlink)
{
    setWindowTitle(tr("Properties of %1").arg(entry.name));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createDetails());
    layout->addWidget(createPermissions());

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_editable && !m_octal->hasAcceptableInput())
            return;
        if (modeChanged() && applyRecursively())
            Q_EMIT recursiveChmodRequested(m_path, m_mode, m_mode ^ (m_entry.mode & 07777));
        else if (modeChanged())
            Q_EMIT chmodRequested(m_path, m_mode);
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    showMode();
}

QWidget *PropertiesDialog::createDetails()
{
    using Type = protocol::Entry::Type;
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    auto *icon = new QLabel(box);
    icon->setObjectName(u"iconLabel"_s);
    const QIcon themed = iconFor(m_entry);
    icon->setPixmap(themed.pixmap(64, 64));
    icon->setVisible(!themed.isNull()); // no icon theme: no empty gap either
    icon->setAlignment(Qt::AlignTop);
    row->addWidget(icon);

    auto *form = new QFormLayout;
    const QString location = u"/"_s + pathcodec::escaped(remotepath::parent(m_path));
    form->addRow(tr("Name:"), selectable(pathcodec::escaped(m_entry.name), box));
    form->addRow(tr("Location:"), selectable(location, box));

    QString type;
    switch (m_entry.type) {
    case Type::Directory: type = tr("Folder"); break;
    case Type::Symlink: type = tr("Symbolic link"); break;
    case Type::Other: type = tr("Special file"); break;
    case Type::File: type = QMimeDatabase().mimeTypeForFile(m_entry.name, QMimeDatabase::MatchExtension).comment(); break;
    }
    form->addRow(tr("Type:"), selectable(type, box));
    if (m_entry.type == Type::File) {
        // The exact count too: "1.5 MiB" alone cannot tell two files apart.
        const QString size = m_entry.size < 1024 ? displaySize(m_entry.size)
                                                 : tr("%1 (%L2 bytes)").arg(displaySize(m_entry.size)).arg(m_entry.size);
        form->addRow(tr("Size:"), selectable(size, box));
    }
    const QDateTime modified = QDateTime::fromMSecsSinceEpoch(m_entry.mtimeNs / 1000000);
    form->addRow(tr("Modified:"), selectable(QLocale().toString(modified, QLocale::LongFormat), box));
    if (m_entry.type == Type::Symlink)
        form->addRow(tr("Link target:"), selectable(pathcodec::escaped(m_entry.linkTarget), box));
    // The name, with the number beside it; the number alone when the
    // agent's system has no name for it; nothing from an older agent.
    const auto owner = [](const QString &name, qint64 id) {
        if (id < 0)
            return name.isEmpty() ? tr("unknown") : name;
        return name.isEmpty() ? QString::number(id) : tr("%1 (%2)").arg(name).arg(id);
    };
    QLabel *user = selectable(owner(m_entry.user, m_entry.uid), box);
    user->setObjectName(u"ownerValue"_s);
    form->addRow(tr("Owner:"), user);
    QLabel *group = selectable(owner(m_entry.group, m_entry.gid), box);
    group->setObjectName(u"groupValue"_s);
    form->addRow(tr("Group:"), group);
    row->addLayout(form, 1);
    return box;
}

QWidget *PropertiesDialog::createPermissions()
{
    auto *group = new QGroupBox(tr("Permissions"), this);
    auto *grid = new QGridLayout(group);
    const QString columns[] = {tr("Read"), tr("Write"), tr("Execute")};
    for (int c = 0; c < 3; ++c)
        grid->addWidget(new QLabel(columns[c], group), 0, c + 1, Qt::AlignHCenter);

    // No mnemonics on the rows: a label's mnemonic clicks a checkbox buddy,
    // and "Alt+O" silently dropping the owner's read bit would surprise.
    // The boxes are reached with Tab, row by row, and named for readers.
    const QString who[] = {tr("Owner"), tr("Group"), tr("Others")};
    const QString may[3][3] = {
        {tr("Owner may read"), tr("Owner may write"), tr("Owner may execute")},
        {tr("Group may read"), tr("Group may write"), tr("Group may execute")},
        {tr("Others may read"), tr("Others may write"), tr("Others may execute")},
    };
    for (int r = 0; r < 3; ++r) {
        grid->addWidget(new QLabel(who[r], group), r + 1, 0);
        for (int c = 0; c < 3; ++c) {
            auto *check = new QCheckBox(group);
            check->setAccessibleName(may[r][c]);
            m_bits[3 + r * 3 + c] = check;
            grid->addWidget(check, r + 1, c + 1, Qt::AlignHCenter);
        }
    }

    const QString special[] = {tr("Set &user ID"), tr("Set group &ID"), tr("Stic&ky")};
    auto *specialRow = new QHBoxLayout;
    for (int i = 0; i < 3; ++i) {
        auto *check = new QCheckBox(special[i], group);
        check->setAccessibleName(QString(special[i]).remove(u'&'));
        m_bits[i] = check;
        specialRow->addWidget(check);
    }
    specialRow->addStretch(1);
    grid->addLayout(specialRow, 4, 0, 1, 4);

    m_octal = new QLineEdit(group);
    m_octal->setAccessibleName(tr("Numeric permissions"));
    m_octal->setAccessibleDescription(tr("Three or four octal digits, such as 0644"));
    m_octal->setValidator(new OctalValidator([this] { return octal(m_mode); }, m_octal));
    m_octal->setMaxLength(4);
    m_octal->setMaximumWidth(m_octal->fontMetrics().horizontalAdvance(u"0000000"_s));
    auto *octalLabel = new QLabel(tr("&Numeric:"), group);
    octalLabel->setBuddy(m_octal);
    m_symbolic = new QLabel(group);
    m_symbolic->setObjectName(u"symbolicMode"_s);
    m_symbolic->setAccessibleName(tr("Symbolic permissions"));
    m_symbolic->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *octalRow = new QHBoxLayout;
    octalRow->addWidget(octalLabel);
    octalRow->addWidget(m_octal);
    octalRow->addWidget(m_symbolic, 1);
    grid->addLayout(octalRow, 5, 0, 1, 4);

    int nextRow = 6;
    const auto addNote = [group, grid, &nextRow](const QString &text) {
        auto *label = new QLabel(text, group);
        label->setWordWrap(true);
        grid->addWidget(label, nextRow++, 0, 1, 4);
    };
    if (m_entry.isDir() && m_editable) {
        m_recursive = new QCheckBox(tr("&Apply changes to all contents"), group);
        m_recursive->setObjectName(u"applyRecursively"_s);
        m_recursive->setToolTip(tr("The bits you change are changed in every file and folder inside as well; execute bits only on "
                                   "folders and on files that already have one"));
        grid->addWidget(m_recursive, nextRow++, 0, 1, 4);
    }
    if (!m_editable) {
        addNote(tr("A link has no permissions of its own; open the properties of its target to change them."));
        group->setEnabled(false);
    }

    for (int i = 0; i < BitCount; ++i) {
        connect(m_bits[i], &QCheckBox::toggled, this, [this, i](bool on) {
            if (!m_updating)
                setMode(on ? (m_mode | bitAt(i)) : (m_mode & ~bitAt(i)));
        });
    }
    connect(m_octal, &QLineEdit::textEdited, this, &PropertiesDialog::octalEdited);
    connect(m_octal, &QLineEdit::editingFinished, this, &PropertiesDialog::showMode);
    return group;
}

bool PropertiesDialog::applyRecursively() const
{
    return m_recursive && m_recursive->isChecked();
}

void PropertiesDialog::setMode(quint32 mode)
{
    mode &= 07777;
    const bool changed = mode != m_mode;
    m_mode = mode;
    showMode();
    if (changed)
        Q_EMIT modeEdited(m_mode);
}

void PropertiesDialog::octalEdited(const QString &text)
{
    if (!m_octal->hasAcceptableInput()) {
        // Half-typed ("06"): nothing to apply yet, and nothing to accept.
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
        return;
    }
    const quint32 mode = text.toUInt(nullptr, 8);
    const bool changed = mode != m_mode;
    m_mode = mode;
    // Keep what is being typed ("644" stays "644") while the rest follows.
    m_updating = true;
    for (int i = 0; i < BitCount; ++i)
        m_bits[i]->setChecked(m_mode & bitAt(i));
    m_updating = false;
    m_symbolic->setText(formatMode(typeLetter(), m_mode));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    if (changed)
        Q_EMIT modeEdited(m_mode);
}

void PropertiesDialog::showMode()
{
    m_updating = true;
    for (int i = 0; i < BitCount; ++i)
        m_bits[i]->setChecked(m_mode & bitAt(i));
    m_updating = false;
    m_octal->setText(octal(m_mode));
    m_symbolic->setText(formatMode(typeLetter(), m_mode));
    if (m_buttons)
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
}

char PropertiesDialog::typeLetter() const
{
    switch (m_entry.type) {
    case protocol::Entry::Type::Directory: return 'd';
    case protocol::Entry::Type::Symlink: return 'l';
    case protocol::Entry::Type::File: return '-';
    case protocol::Entry::Type::Other: return '?';
    }
    return '?';
}

} // namespace ferry::ui
