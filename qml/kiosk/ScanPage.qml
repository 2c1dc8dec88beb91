// The scanning screen: what the kiosk is for (event, entrance), whether it is online, the
// viewfinder or the scanner prompt, the counters, conflicts, and the few actions staff need.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import QtMultimedia
import Sbor.Kiosk

Item {
    id: page
    signal searchRequested()
    signal settingsRequested()

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // --- top bar: what this kiosk is for, and whether it reaches the server
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: 4.4 * Theme.unit
            color: Theme.surface
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 1.2 * Theme.unit
                anchors.rightMargin: 1.2 * Theme.unit
                spacing: Theme.unit
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Heading {
                        Layout.fillWidth: true
                        text: Door.eventTitle
                        size: 1.35
                        elide: Text.ElideRight
                    }
                    Caption {
                        Layout.fillWidth: true
                        text: Door.exitMode ? qsTr("%1 · exit").arg(Door.listName) : qsTr("%1 · entry").arg(Door.listName)
                        size: 0.95
                        elide: Text.ElideRight
                    }
                }
                Rectangle {
                    id: statusChip
                    objectName: "statusChip"
                    Layout.preferredHeight: 2.4 * Theme.unit
                    Layout.preferredWidth: statusRow.implicitWidth + 1.6 * Theme.unit
                    radius: height / 2
                    color: Door.sync.online ? Qt.rgba(0.2, 0.78, 0.35, 0.16) : Qt.rgba(1, 0.7, 0, 0.18)
                    border.color: Door.sync.online ? Theme.online : Theme.offline
                    RowLayout {
                        id: statusRow
                        anchors.centerIn: parent
                        spacing: 0.5 * Theme.unit
                        Rectangle {
                            width: 0.8 * Theme.unit
                            height: width
                            radius: width / 2
                            color: Door.sync.online ? Theme.online : Theme.offline
                        }
                        Heading {
                            text: Door.sync.online ? qsTr("Online") : qsTr("Offline")
                        }
                    }
                }
                KioskText {
                    id: clock
                    text: Qt.formatTime(new Date(), "HH:mm")
                    size: 1.35
                    Timer {
                        interval: 10000
                        running: true
                        repeat: true
                        onTriggered: clock.text = Qt.formatTime(new Date(), "HH:mm")
                    }
                }
            }
        }

        // --- offline banner: staff must know the kiosk decides on its own, and what waits
        Rectangle {
            objectName: "offlineBanner"
            Layout.fillWidth: true
            Layout.preferredHeight: visible ? 3.2 * Theme.unit : 0
            visible: !Door.sync.online || Door.sync.queueLength > 0
            color: Door.sync.online ? Theme.surfaceRaised : Theme.offline
            Heading {
                objectName: "offlineBannerText"
                anchors.fill: parent
                anchors.leftMargin: 1.2 * Theme.unit
                anchors.rightMargin: 1.2 * Theme.unit
                verticalAlignment: Text.AlignVCenter
                elide: Text.ElideRight
                size: 1.05
                color: Door.sync.online ? Theme.text : "#1a1200"
                text: !Door.sync.online
                      ? (Door.sync.queueLength > 0
                         ? qsTr("Offline — this kiosk decides on its own. Scans waiting to upload: %1").arg(Door.sync.queueLength)
                         : qsTr("Offline — this kiosk decides on its own until the server answers again."))
                      : qsTr("Uploading the scans made offline: %1").arg(Door.sync.queueLength)
            }
        }

        // --- the middle: where to scan, and the numbers
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: 1.2 * Theme.unit
            spacing: 1.2 * Theme.unit

            Rectangle {
                id: scanArea
                Layout.fillWidth: true
                Layout.fillHeight: true
                radius: 0.8 * Theme.unit
                color: Theme.surface
                border.color: Door.exitMode ? Theme.warning : Theme.border
                border.width: Door.exitMode ? 3 : 1
                clip: true

                VideoOutput {
                    id: viewfinder
                    anchors.fill: parent
                    anchors.margins: 2
                    visible: CameraScanner.active
                    fillMode: VideoOutput.PreserveAspectCrop
                    Component.onCompleted: {
                        CameraScanner.videoSink = viewfinder.videoSink
                        if (CameraScanner.available)
                            CameraScanner.start()
                    }
                }

                ColumnLayout {
                    anchors.centerIn: parent
                    width: parent.width - 4 * Theme.unit
                    spacing: 0.8 * Theme.unit
                    visible: !CameraScanner.active

                    QrGlyph {
                        Layout.alignment: Qt.AlignHCenter
                        size: Math.min(scanArea.height * 0.34, 9 * Theme.unit)
                        color: Door.exitMode ? Theme.warning : Theme.accent
                    }
                    Heading {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        text: Door.exitMode ? qsTr("Scan to let a guest out") : qsTr("Scan a ticket")
                        size: 2.2
                        wrapMode: Text.WordWrap
                    }
                    Caption {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        text: CameraScanner.available ? qsTr("Hold the QR code in front of the camera")
                                               : qsTr("Hold the QR code under the scanner, or search by name")
                        size: 1.1
                        wrapMode: Text.WordWrap
                    }
                    BusyIndicator {
                        Layout.alignment: Qt.AlignHCenter
                        running: Door.busy
                        visible: Door.busy
                        Layout.preferredHeight: 3 * Theme.unit
                        Layout.preferredWidth: 3 * Theme.unit
                    }
                }
            }

            ColumnLayout {
                Layout.preferredWidth: Math.max(16 * Theme.unit, page.width * 0.28)
                Layout.maximumWidth: 26 * Theme.unit
                Layout.fillHeight: true
                spacing: 1.0 * Theme.unit

                CounterCard {
                    objectName: "checkedInCard"
                    Layout.fillWidth: true
                    title: qsTr("Checked in")
                    value: Door.counters.checkedIn
                    total: Door.counters.expected
                }
                CounterCard {
                    objectName: "insideCard"
                    Layout.fillWidth: true
                    title: qsTr("Inside now")
                    value: Door.counters.inside
                    total: -1
                }

                // Conflicts reported by the server: shown at once, until staff have seen them.
                ListView {
                    objectName: "conflictList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    spacing: 0.6 * Theme.unit
                    clip: true
                    model: Door.conflicts
                    delegate: Rectangle {
                        id: conflict
                        required property int index
                        required property string holderName
                        required property string detail
                        required property string at
                        width: ListView.view.width
                        height: conflictColumn.implicitHeight + 1.2 * Theme.unit
                        radius: 0.6 * Theme.unit
                        color: Qt.rgba(0.78, 0.16, 0.16, 0.22)
                        border.color: Theme.refused
                        ColumnLayout {
                            id: conflictColumn
                            anchors.fill: parent
                            anchors.margins: 0.6 * Theme.unit
                            spacing: 0.2 * Theme.unit
                            Heading {
                                Layout.fillWidth: true
                                text: qsTr("Conflict · %1").arg(conflict.at)
                                size: 0.85
                                color: Theme.alert
                            }
                            Heading {
                                Layout.fillWidth: true
                                text: conflict.holderName || qsTr("Unknown guest")
                                size: 1.05
                                elide: Text.ElideRight
                            }
                            KioskText {
                                Layout.fillWidth: true
                                text: conflict.detail
                                size: 0.85
                                wrapMode: Text.WordWrap
                            }
                        }
                        MouseArea {
                            anchors.fill: parent
                            onClicked: Door.conflicts.dismiss(conflict.index)
                        }
                    }
                }
                Caption {
                    Layout.fillWidth: true
                    text: Door.sync.lastSync.length > 0 ? qsTr("Synced at %1").arg(Door.sync.lastSync) : qsTr("Not synced yet")
                    size: 0.8
                    horizontalAlignment: Text.AlignRight
                }
            }
        }

        // --- the actions, large enough for a gloved finger
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: 5.2 * Theme.unit
            color: Theme.surface
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 1.2 * Theme.unit
                anchors.rightMargin: 1.2 * Theme.unit
                spacing: 0.8 * Theme.unit
                KioskButton {
                    objectName: "searchButton"
                    highlighted: true
                    text: qsTr("Search")
                    onClicked: page.searchRequested()
                }
                KioskButton {
                    objectName: "exitModeButton"
                    visible: Door.exitsAllowed
                    checkable: true
                    checked: Door.exitMode
                    text: Door.exitMode ? qsTr("Mode: exit") : qsTr("Mode: entry")
                    onClicked: Door.exitMode = !Door.exitMode
                }
                KioskButton {
                    objectName: "undoButton"
                    enabled: Door.canUndo
                    text: qsTr("Undo admission")
                    onClicked: Door.undoLastAdmission()
                }
                Item { Layout.fillWidth: true }
                KioskButton {
                    objectName: "openImageButton"
                    flat: true
                    text: qsTr("Image…")
                    onClicked: imageDialog.open()
                }
                KioskButton {
                    objectName: "settingsButton"
                    flat: true
                    text: qsTr("Settings")
                    onClicked: page.settingsRequested()
                }
            }
        }
    }

    FileDialog {
        id: imageDialog
        title: qsTr("Scan a ticket from an image")
        nameFilters: [qsTr("Images (*.png *.jpg *.jpeg *.bmp)")]
        onAccepted: Door.scanImageFile(imageDialog.selectedFile)
    }
}
