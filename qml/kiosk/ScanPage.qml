// The scanning screen: what the kiosk is for (event, entrance), whether it is online, the
// viewfinder or the scanner prompt, the counters, conflicts, and the few actions staff need.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import QtMultimedia

Item {
    id: page
    property real unit: 16
    signal searchRequested()
    signal settingsRequested()

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // --- top bar: what this kiosk is for, and whether it reaches the server
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: 4.4 * unit
            color: Theme.surface
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 1.2 * unit
                anchors.rightMargin: 1.2 * unit
                spacing: unit
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Label {
                        Layout.fillWidth: true
                        text: door.eventTitle
                        font.pixelSize: 1.35 * unit
                        font.bold: true
                        color: Theme.text
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        text: door.exitMode ? qsTr("%1 · exit").arg(door.listName) : qsTr("%1 · entry").arg(door.listName)
                        font.pixelSize: 0.95 * unit
                        color: Theme.textDim
                        elide: Text.ElideRight
                    }
                }
                Rectangle {
                    id: statusChip
                    objectName: "statusChip"
                    Layout.preferredHeight: 2.4 * unit
                    Layout.preferredWidth: statusRow.implicitWidth + 1.6 * unit
                    radius: height / 2
                    color: door.sync.online ? Qt.rgba(0.2, 0.78, 0.35, 0.16) : Qt.rgba(1, 0.7, 0, 0.18)
                    border.color: door.sync.online ? Theme.online : Theme.offline
                    RowLayout {
                        id: statusRow
                        anchors.centerIn: parent
                        spacing: 0.5 * unit
                        Rectangle {
                            width: 0.8 * unit
                            height: width
                            radius: width / 2
                            color: door.sync.online ? Theme.online : Theme.offline
                        }
                        Label {
                            text: door.sync.online ? qsTr("Online") : qsTr("Offline")
                            font.pixelSize: 1.0 * unit
                            font.bold: true
                            color: Theme.text
                        }
                    }
                }
                Label {
                    id: clock
                    text: Qt.formatTime(new Date(), "HH:mm")
                    font.pixelSize: 1.35 * unit
                    color: Theme.text
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
            Layout.preferredHeight: visible ? 3.2 * unit : 0
            visible: !door.sync.online || door.sync.queueLength > 0
            color: door.sync.online ? Theme.surfaceRaised : Theme.offline
            Label {
                objectName: "offlineBannerText"
                anchors.fill: parent
                anchors.leftMargin: 1.2 * unit
                anchors.rightMargin: 1.2 * unit
                verticalAlignment: Text.AlignVCenter
                elide: Text.ElideRight
                font.pixelSize: 1.05 * unit
                font.bold: true
                color: door.sync.online ? Theme.text : "#1a1200"
                text: !door.sync.online
                      ? (door.sync.queueLength > 0
                         ? qsTr("Offline — this kiosk decides on its own. Scans waiting to upload: %1").arg(door.sync.queueLength)
                         : qsTr("Offline — this kiosk decides on its own until the server answers again."))
                      : qsTr("Uploading the scans made offline: %1").arg(door.sync.queueLength)
            }
        }

        // --- the middle: where to scan, and the numbers
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: 1.2 * unit
            spacing: 1.2 * unit

            Rectangle {
                id: scanArea
                Layout.fillWidth: true
                Layout.fillHeight: true
                radius: 0.8 * unit
                color: Theme.surface
                border.color: door.exitMode ? Theme.warning : Theme.border
                border.width: door.exitMode ? 3 : 1
                clip: true

                VideoOutput {
                    id: viewfinder
                    anchors.fill: parent
                    anchors.margins: 2
                    visible: camera.active
                    fillMode: VideoOutput.PreserveAspectCrop
                    Component.onCompleted: {
                        camera.videoSink = viewfinder.videoSink
                        if (camera.available)
                            camera.start()
                    }
                }

                ColumnLayout {
                    anchors.centerIn: parent
                    width: parent.width - 4 * unit
                    spacing: 0.8 * unit
                    visible: !camera.active

                    QrGlyph {
                        Layout.alignment: Qt.AlignHCenter
                        size: Math.min(scanArea.height * 0.34, 9 * unit)
                        color: door.exitMode ? Theme.warning : Theme.accent
                    }
                    Label {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        text: door.exitMode ? qsTr("Scan to let a guest out") : qsTr("Scan a ticket")
                        font.pixelSize: 2.2 * unit
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.WordWrap
                    }
                    Label {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        text: camera.available ? qsTr("Hold the QR code in front of the camera")
                                               : qsTr("Hold the QR code under the scanner, or search by name")
                        font.pixelSize: 1.1 * unit
                        color: Theme.textDim
                        wrapMode: Text.WordWrap
                    }
                    BusyIndicator {
                        Layout.alignment: Qt.AlignHCenter
                        running: door.busy
                        visible: door.busy
                        Layout.preferredHeight: 3 * unit
                        Layout.preferredWidth: 3 * unit
                    }
                }
            }

            ColumnLayout {
                Layout.preferredWidth: Math.max(16 * unit, page.width * 0.28)
                Layout.maximumWidth: 26 * unit
                Layout.fillHeight: true
                spacing: 1.0 * unit

                CounterCard {
                    objectName: "checkedInCard"
                    Layout.fillWidth: true
                    unit: page.unit
                    title: qsTr("Checked in")
                    value: door.counters.checkedIn
                    total: door.counters.expected
                }
                CounterCard {
                    objectName: "insideCard"
                    Layout.fillWidth: true
                    unit: page.unit
                    title: qsTr("Inside now")
                    value: door.counters.inside
                    total: -1
                }

                // Conflicts reported by the server: shown at once, until staff have seen them.
                ListView {
                    objectName: "conflictList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    spacing: 0.6 * unit
                    clip: true
                    model: door.conflicts
                    delegate: Rectangle {
                        width: ListView.view.width
                        height: conflictColumn.implicitHeight + 1.2 * unit
                        radius: 0.6 * unit
                        color: Qt.rgba(0.78, 0.16, 0.16, 0.22)
                        border.color: Theme.refused
                        ColumnLayout {
                            id: conflictColumn
                            anchors.fill: parent
                            anchors.margins: 0.6 * unit
                            spacing: 0.2 * unit
                            Label {
                                Layout.fillWidth: true
                                text: qsTr("Conflict · %1").arg(model.at)
                                font.pixelSize: 0.85 * unit
                                font.bold: true
                                color: "#ff8a80"
                            }
                            Label {
                                Layout.fillWidth: true
                                text: model.holderName || qsTr("Unknown guest")
                                font.pixelSize: 1.05 * unit
                                font.bold: true
                                color: Theme.text
                                elide: Text.ElideRight
                            }
                            Label {
                                Layout.fillWidth: true
                                text: model.detail
                                font.pixelSize: 0.85 * unit
                                color: Theme.text
                                wrapMode: Text.WordWrap
                            }
                        }
                        MouseArea {
                            anchors.fill: parent
                            onClicked: door.conflicts.dismiss(index)
                        }
                    }
                }
                Label {
                    Layout.fillWidth: true
                    text: door.sync.lastSync.length > 0 ? qsTr("Synced at %1").arg(door.sync.lastSync) : qsTr("Not synced yet")
                    font.pixelSize: 0.8 * unit
                    color: Theme.textDim
                    horizontalAlignment: Text.AlignRight
                }
            }
        }

        // --- the actions, large enough for a gloved finger
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: 5.2 * unit
            color: Theme.surface
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 1.2 * unit
                anchors.rightMargin: 1.2 * unit
                spacing: 0.8 * unit
                KioskButton {
                    objectName: "searchButton"
                    unit: page.unit
                    highlighted: true
                    text: qsTr("Search")
                    onClicked: page.searchRequested()
                }
                KioskButton {
                    objectName: "exitModeButton"
                    unit: page.unit
                    visible: door.exitsAllowed
                    checkable: true
                    checked: door.exitMode
                    text: door.exitMode ? qsTr("Mode: exit") : qsTr("Mode: entry")
                    onClicked: door.exitMode = !door.exitMode
                }
                KioskButton {
                    objectName: "undoButton"
                    unit: page.unit
                    enabled: door.canUndo
                    text: qsTr("Undo admission")
                    onClicked: door.undoLastAdmission()
                }
                Item { Layout.fillWidth: true }
                KioskButton {
                    objectName: "openImageButton"
                    unit: page.unit
                    flat: true
                    text: qsTr("Image…")
                    onClicked: imageDialog.open()
                }
                KioskButton {
                    objectName: "settingsButton"
                    unit: page.unit
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
        onAccepted: door.scanImageFile(selectedFile)
    }
}
