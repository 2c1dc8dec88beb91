#pragma once
// An event's door: its check-in lists (which ticket types, single or multiple entry, exits, a time
// window) and its kiosks — enrol one by showing a QR the kiosk's camera reads, see each kiosk's
// gate and last contact, revoke one.

#include "sbor/wire/door.h"

#include <QDialog>
#include <QWidget>

#include <vector>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTableWidget;
class QPushButton;

namespace sbor::widgets {
class MessageBar;
}

namespace sbor::organizer {

class OrganizerSession;

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
    DoorPage(OrganizerSession& session, const QString& eventId, const QString& timezone, QWidget* parent = nullptr);

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

    OrganizerSession& m_session;
    QString m_eventId;
    QString m_timezone;
    std::vector<wire::CheckInList> m_lists;
    std::vector<wire::Device> m_devices;
    widgets::MessageBar* m_message;
    QTableWidget* m_listTable;
    QTableWidget* m_deviceTable;
    QLineEdit* m_listName;
    QCheckBox* m_multiEntry;
    QCheckBox* m_exits;
    QPushButton* m_addList;
    QLineEdit* m_kioskName;
    QPushButton* m_enroll;
    QPushButton* m_revoke;
    EnrollmentDialog* m_lastEnrollment = nullptr;
};

} // namespace sbor::organizer
