// The verdict: the whole screen in its colour, a glyph, the reason in plain words, the guest's
// name and ticket type, readable from two metres. A tap, or a few seconds, and the kiosk is ready.
import QtQuick
import QtQuick.Layouts
import Sbor.Kiosk

Rectangle {
    id: overlay
    objectName: "verdictOverlay"

    visible: Door.verdict.shown
    color: Door.verdict.shown ? Theme.toneColor(Door.verdict.tone) : "transparent"

    MouseArea {
        anchors.fill: parent
        onClicked: Door.dismissVerdict()
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 6 * Theme.unit
        spacing: 0.9 * Theme.unit

        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Math.min(overlay.height * 0.22, 9 * Theme.unit)
            Layout.preferredHeight: Layout.preferredWidth
            radius: width / 2
            color: Qt.rgba(1, 1, 1, 0.18)
            border.color: "white"
            border.width: Math.max(3, width * 0.05)
            Heading {
                anchors.centerIn: parent
                text: Door.verdict.tone === "admitted" ? "✓" : Door.verdict.tone === "warning" ? "!" : "✕"
                font.pixelSize: parent.width * 0.6
                color: "white"
            }
        }
        Heading {
            objectName: "verdictHeadline"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: Door.verdict.headline
            size: 3.2
            color: "white"
        }
        KioskText {
            objectName: "verdictHolder"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            visible: text.length > 0
            elide: Text.ElideRight
            text: Door.verdict.holderName
            size: 2.4
            color: "white"
        }
        KioskText {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            visible: text.length > 0
            text: Door.verdict.ticketType
            size: 1.5
            color: Qt.rgba(1, 1, 1, 0.9)
        }
        KioskText {
            objectName: "verdictDetail"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            visible: text.length > 0
            text: Door.verdict.detail
            size: 1.5
            color: "white"
        }
        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            visible: Door.verdict.offline
            Layout.preferredHeight: 2.2 * Theme.unit
            Layout.preferredWidth: offlineTag.implicitWidth + 1.6 * Theme.unit
            radius: height / 2
            color: Qt.rgba(0, 0, 0, 0.28)
            KioskText {
                id: offlineTag
                anchors.centerIn: parent
                text: qsTr("Decided offline on this kiosk")
                size: 0.95
                color: "white"
            }
        }
    }

    KioskText {
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottomMargin: 1.4 * Theme.unit
        text: qsTr("Tap to continue")
        color: Qt.rgba(1, 1, 1, 0.8)
    }
}
