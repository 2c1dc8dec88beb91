// Русский / English, one tap.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

RowLayout {
    property real unit: 16
    spacing: 0.3 * unit
    Repeater {
        model: [{ code: "ru", name: "Русский" }, { code: "en", name: "English" }]
        Button {
            flat: kiosk.language !== modelData.code
            highlighted: kiosk.language === modelData.code
            text: modelData.name
            font.pixelSize: 0.95 * unit
            font.capitalization: Font.MixedCase
            onClicked: kiosk.language = modelData.code
        }
    }
}
