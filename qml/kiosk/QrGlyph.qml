// A QR code drawn as a symbol (three finder squares and a few modules): "scan here".
// Bound: the delegates read this file's ids (a delegate made elsewhere could not).
pragma ComponentBehavior: Bound
import QtQuick

Item {
    id: glyph
    property real size: 100
    property color color: "white"
    implicitWidth: size
    implicitHeight: size

    component Finder: Rectangle {
        width: glyph.size * 0.3
        height: width
        color: "transparent"
        border.color: glyph.color
        border.width: width * 0.14
        radius: width * 0.12
        Rectangle {
            anchors.centerIn: parent
            width: parent.width * 0.42
            height: width
            radius: width * 0.15
            color: glyph.color
        }
    }
    Finder { x: 0; y: 0 }
    Finder { x: glyph.size * 0.7; y: 0 }
    Finder { x: 0; y: glyph.size * 0.7 }
    Repeater {
        model: [[0.45, 0.05], [0.45, 0.2], [0.58, 0.45], [0.05, 0.45], [0.2, 0.58], [0.45, 0.58], [0.72, 0.58],
                [0.58, 0.72], [0.85, 0.72], [0.45, 0.85], [0.72, 0.85], [0.85, 0.45]]
        Rectangle {
            required property var modelData
            x: modelData[0] * glyph.size
            y: modelData[1] * glyph.size
            width: glyph.size * 0.1
            height: width
            radius: width * 0.2
            color: glyph.color
        }
    }
}
