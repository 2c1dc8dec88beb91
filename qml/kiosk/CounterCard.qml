// A number staff glance at: how many are in, of how many.
import QtQuick
import QtQuick.Layouts

Rectangle {
    id: card
    property string title
    property int value: 0
    property int total: -1 // -1: no total, no bar

    implicitHeight: column.implicitHeight + 1.6 * Theme.unit
    radius: 0.8 * Theme.unit
    color: Theme.surface
    border.color: Theme.border

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 0.8 * Theme.unit
        spacing: 0.3 * Theme.unit
        Caption {
            text: card.title
            size: 0.95
        }
        RowLayout {
            spacing: 0.4 * Theme.unit
            Heading {
                objectName: "counterValue"
                text: card.value
                size: 2.8
            }
            Caption {
                visible: card.total >= 0
                text: "/ " + card.total
                size: 1.4
                Layout.alignment: Qt.AlignBaseline
            }
        }
        Rectangle {
            visible: card.total > 0
            Layout.fillWidth: true
            Layout.preferredHeight: 0.45 * Theme.unit
            radius: height / 2
            color: Theme.border
            Rectangle {
                width: parent.width * Math.min(1, card.value / Math.max(1, card.total))
                height: parent.height
                radius: height / 2
                color: Theme.accent
            }
        }
    }
}
