#include "framemaskcheck.h"

#include <algorithm>

namespace sbor::live {

std::optional<std::size_t> FrameMaskCheck::feed(const std::uint8_t* bytes, std::size_t size)
{
    static constexpr char kRequestEnd[] = "\r\n\r\n";
    std::size_t frameStart = 0;
    for (std::size_t i = 0; i < size;) {
        const std::uint8_t byte = bytes[i];
        switch (m_state) {
        case State::Refused:
            return 0;
        case State::Request:
            if (byte == static_cast<std::uint8_t>(kRequestEnd[m_requestEndMatched])) {
                if (++m_requestEndMatched == 4)
                    m_state = State::FirstByte;
            } else {
                m_requestEndMatched = byte == '\r' ? 1 : 0;
            }
            ++i;
            break;
        case State::FirstByte:
            frameStart = i;
            m_state = State::LengthByte;
            ++i;
            break;
        case State::LengthByte: {
            if ((byte & 0x80) == 0) {
                m_state = State::Refused;
                return frameStart; // 0 when its first byte came in an earlier piece
            }
            const std::uint8_t length = byte & 0x7F;
            m_maskBytesLeft = 4;
            if (length == 126 || length == 127) {
                m_extendedBytesLeft = length == 126 ? 2 : 8;
                m_payloadLeft = 0;
                m_state = State::ExtendedLength;
            } else {
                m_payloadLeft = length;
                m_state = State::MaskKey;
            }
            ++i;
            break;
        }
        case State::ExtendedLength:
            m_payloadLeft = (m_payloadLeft << 8) | byte;
            if (--m_extendedBytesLeft == 0)
                m_state = State::MaskKey;
            ++i;
            break;
        case State::MaskKey:
            if (--m_maskBytesLeft == 0)
                m_state = m_payloadLeft == 0 ? State::FirstByte : State::Payload;
            ++i;
            break;
        case State::Payload: {
            const std::uint64_t skipped = std::min<std::uint64_t>(m_payloadLeft, size - i);
            m_payloadLeft -= skipped;
            i += static_cast<std::size_t>(skipped);
            if (m_payloadLeft == 0)
                m_state = State::FirstByte;
            break;
        }
        }
    }
    return std::nullopt;
}

} // namespace sbor::live
