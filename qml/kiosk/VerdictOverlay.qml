// The verdict: the whole screen in its colour, a glyph, the reason in plain words, the guest's
// name and ticket type, readable from two metres. A tap, or a few seconds, and the kiosk is ready.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Rectangle {
    id: overlay
    objectName: "verdictOverlay"
    property real unit: 16
    readonly property var verdict: door.verdict
    readonly property bool shown: verdict.shown

    visible: shown
    color: shown ? Theme.toneColor(verdict.tone) : "transparent"

    MouseArea {
        anchors.fill: parent
        onClicked: door.dismissVerdict()
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 6 * unit
        spacing: 0.9 * unit

        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Math.min(overlay.height * 0.22, 9 * unit)
            Layout.preferredHeight: Layout.preferredWidth
            radius: width / 2
            color: Qt.rgba(1, 1, 1, 0.18)
            border.color: "white"
            border.width: Math.max(3, width * 0.05)
            Label {
                anchors.centerIn: parent
                text: overlay.verdict.tone === "admitted" ? "✓" : overlay.verdict.tone === "warning" ? "!" : "✕"
                font.pixelSize: parent.width * 0.6
                font.bold: true
                color: "white"
            }
        }
        Label {
            objectName: "verdictHeadline"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: overlay.verdict.headline || ""
            font.pixelSize: 3.2 * unit
            font.bold: true
            color: "white"
        }
        Label {
            objectName: "verdictHolder"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            visible: text.length > 0
            elide: Text.ElideRight
            text: overlay.verdict.holderName || ""
            font.pixelSize: 2.4 * unit
            color: "white"
        }
        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            visible: text.length > 0
            text: overlay.verdict.ticketType || ""
            font.pixelSize: 1.5 * unit
            color: Qt.rgba(1, 1, 1, 0.9)
        }
        Label {
            objectName: "verdictDetail"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            visible: text.length > 0
            text: overlay.verdict.detail || ""
            font.pixelSize: 1.5 * unit
            color: "white"
        }
        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            visible: overlay.verdict.offline === true
            Layout.preferredHeight: 2.2 * unit
            Layout.preferredWidth: offlineTag.implicitWidth + 1.6 * unit
            radius: height / 2
            color: Qt.rgba(0, 0, 0, 0.28)
            Label {
                id: offlineTag
                anchors.centerIn: parent
                text: qsTr("Decided offline on this kiosk")
                font.pixelSize: 0.95 * unit
                color: "white"
            }
        }
    }

    Label {
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottomMargin: 1.4 * unit
        text: qsTr("Tap to continue")
        font.pixelSize: 1.0 * unit
        color: Qt.rgba(1, 1, 1, 0.8)
    }
}
