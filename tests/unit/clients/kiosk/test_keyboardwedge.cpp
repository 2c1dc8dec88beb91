// A USB keyboard-wedge scanner types fast; people do not. Bursts of four or more keys with gaps of
// at most 20 ms, ended by Enter or by a pause, are scans; anything slower is typing.

#include "keyboardwedge.h"

#include <QSignalSpy>
#include <QtTest>

using sbor::kiosk::KeyboardWedge;

class TestKeyboardWedge : public QObject {
    Q_OBJECT

private:
    static void type(KeyboardWedge& wedge, const QString& text, qint64 startMs, int gapMs)
    {
        qint64 at = startMs;
        for (const QChar c : text) {
            wedge.feed(c, at);
            at += gapMs;
        }
    }

private slots:
    void aFastBurstEndedByEnterIsAScan()
    {
        KeyboardWedge wedge({20, 4, 80});
        QSignalSpy scans(&wedge, &KeyboardWedge::scanned);
        type(wedge, "ABCD1234", 1000, 3);
        QVERIFY(wedge.finish());
        QCOMPARE(scans.count(), 1);
        QCOMPARE(scans.at(0).at(0).toString(), QStringLiteral("ABCD1234"));
    }

    void typingIsNotAScan()
    {
        KeyboardWedge wedge({20, 4, 80});
        QSignalSpy scans(&wedge, &KeyboardWedge::scanned);
        type(wedge, "ABCDEFGH", 1000, 150);
        QVERIFY(!wedge.finish());
        // Exactly at the threshold still counts as a machine; one millisecond over does not.
        type(wedge, "WXYZ", 5000, 20);
        QVERIFY(wedge.finish());
        type(wedge, "WXYZ", 9000, 21);
        QVERIFY(!wedge.finish());
        // Three fast keys are too few (a person can hit three keys at once).
        type(wedge, "ABC", 12000, 1);
        QVERIFY(!wedge.finish());
        QCOMPARE(scans.count(), 1);
    }

    void aSlowStartIsDroppedAndTheBurstKept()
    {
        // Someone pressed a key, then the scanner fired: only the scanner's keys are the scan.
        KeyboardWedge wedge({20, 4, 80});
        QSignalSpy scans(&wedge, &KeyboardWedge::scanned);
        wedge.feed('x', 100);
        type(wedge, "CODE42", 700, 2);
        QVERIFY(wedge.finish());
        QCOMPARE(scans.at(0).at(0).toString(), QStringLiteral("CODE42"));
    }

    void aPauseEndsABurstWithoutEnter()
    {
        KeyboardWedge wedge({20, 4, 60});
        QSignalSpy scans(&wedge, &KeyboardWedge::scanned);
        type(wedge, "NOENTER1", 0, 2);
        QVERIFY(scans.wait(1000));
        QCOMPARE(scans.at(0).at(0).toString(), QStringLiteral("NOENTER1"));
    }

    void thresholdsAreConfigurable()
    {
        KeyboardWedge wedge({40, 6, 80});
        QSignalSpy scans(&wedge, &KeyboardWedge::scanned);
        type(wedge, "ABCDE", 0, 30);
        QVERIFY(!wedge.finish()); // five keys, six needed
        type(wedge, "ABCDEF", 1000, 30);
        QVERIFY(wedge.finish());
        QCOMPARE(scans.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestKeyboardWedge)
#include "test_keyboardwedge.moc"
