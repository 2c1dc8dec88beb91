// A button for a kiosk: tall, with large text, drawn without Material's elevation layer (which
// the software renderer of small kiosk boxes and of the offscreen tests does not draw).
import QtQuick
import QtQuick.Controls

Button {
    id: button
    property real unit: Theme.unit // smaller for a secondary row of buttons (LanguageSwitch)
    implicitHeight: 3.6 * button.unit
    leftPadding: 1.2 * button.unit
    rightPadding: 1.2 * button.unit
    font.pixelSize: 1.05 * button.unit
    font.bold: true
    font.capitalization: Font.MixedCase

    contentItem: Text {
        text: button.text
        font: button.font
        color: !button.enabled ? Theme.textDim : button.highlighted ? "#062b27" : Theme.text
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        radius: 0.5 * button.unit
        color: button.highlighted ? (button.down ? Qt.darker(Theme.accent, 1.2) : Theme.accent)
             : button.checked ? Qt.rgba(1, 0.7, 0, 0.25)
             : button.flat ? (button.down ? Theme.surfaceRaised : "transparent")
             : (button.down ? Theme.border : Theme.surfaceRaised)
        border.color: button.checked ? Theme.warning : button.flat ? "transparent" : Theme.border
        opacity: button.enabled ? 1 : 0.45
    }
}
