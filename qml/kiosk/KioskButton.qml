// A button for a kiosk: tall, with large text.
import QtQuick
import QtQuick.Controls

Button {
    property real unit: 16
    implicitHeight: 3.6 * unit
    leftPadding: 1.2 * unit
    rightPadding: 1.2 * unit
    font.pixelSize: 1.05 * unit
    font.bold: true
    font.capitalization: Font.MixedCase
}
