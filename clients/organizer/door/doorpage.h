#pragma once
// An event's door: its check-in lists (which ticket types, single or multiple entry, exits, a time
// window) and its kiosks — enrol one by showing a QR the kiosk's camera reads, see each kiosk's
// gate and last contact, revoke one.

#include "sbor/wire/door.h"
#include "sbor/wire/sales.h"

#include <QDialog>
#include <QWidget>

#include <vector>

class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QMenu;
class QToolButton;
class QLineEdit;
class QTableWidget;
class QPushButton;

namespace sbor::widgets {
class MessageBar;
}

namespace sbor::desktop {
class AccountSession;
}

namespace sbor::organizer {

// The QR and the code of one enrollment, large, until the kiosk has used it.
class EnrollmentDialog : public QDialog {
    Q_OBJECT
public:
    EnrollmentDialog(const wire::IssuedEnrollment& enrollment, const QString& listName, QWidget* parent = nullptr);
    QString handshakeText() const { return m_handshake; }
    QImage qrImage() const;

private:
    QString m_handshake;
    QLabel* m_qr;
};

class DoorPage : public QWidget {
    Q_OBJECT
public:
    DoorPage(desktop::AccountSession& session, const QString& eventId, const QString& timezone,
             QWidget* parent = nullptr);

    void reload();
    // The last enrollment shown (tests decode its QR).
    EnrollmentDialog* lastEnrollment() const { return m_lastEnrollment; }
    int listCount() const { return static_cast<int>(m_lists.size()); }
    int deviceCount() const { return static_cast<int>(m_devices.size()); }

private:
    void createList();
    void enrollKiosk();
    void revokeKiosk();
    QString listName(const std::string& listId) const;
    QString typeNames(const std::vector<std::string>& typeIds) const;
    QString windowOf(const wire::CheckInList& list) const;
    void fillTypeMenu();
    void updateTypeButton();

    desktop::AccountSession& m_session;
    QString m_eventId;
    QString m_timezone;
    std::vector<wire::CheckInList> m_lists;
    std::vector<wire::Device> m_devices;
    std::vector<wire::TicketType> m_types;
    widgets::MessageBar* m_message;
    QTableWidget* m_listTable;
    QTableWidget* m_deviceTable;
    QLineEdit* m_listName;
    QCheckBox* m_multiEntry;
    QCheckBox* m_exits;
    QToolButton* m_listTypes;
    QMenu* m_listTypeMenu;
    QCheckBox* m_hasValidFrom;
    QDateTimeEdit* m_validFrom;
    QCheckBox* m_hasValidUntil;
    QDateTimeEdit* m_validUntil;
    QPushButton* m_addList;
    QLineEdit* m_kioskName;
    QPushButton* m_enroll;
    QPushButton* m_revoke;
    EnrollmentDialog* m_lastEnrollment = nullptr;
};

} // namespace sbor::organizer
