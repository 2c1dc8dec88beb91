#pragma once
// RFC 6455 §5.1: a client masks every frame it sends, and a server that receives an unmasked one
// must fail the connection. Qt WebSockets (6.4) accepts them, so the hub reads each connection's
// bytes through this check before Qt does. Pure: fed the byte stream in any pieces, it says where
// the first unmasked frame begins.

#include <cstddef>
#include <cstdint>
#include <optional>

namespace sbor::live {

class FrameMaskCheck {
public:
    // Feeds the next `size` bytes of what the client sent, from the first byte of the TCP stream
    // (the HTTP upgrade request is skipped). Returns the offset within this piece of the first byte
    // of the first unmasked frame; nullopt while all is well. Once a frame was refused, every
    // later piece is refused from its first byte (offset 0).
    std::optional<std::size_t> feed(const std::uint8_t* bytes, std::size_t size);
    bool refused() const { return m_state == State::Refused; }

private:
    enum class State { Request, FirstByte, LengthByte, ExtendedLength, MaskKey, Payload, Refused };
    State m_state = State::Request;
    int m_requestEndMatched = 0; // how much of "\r\n\r\n" was seen last
    int m_extendedBytesLeft = 0;
    std::uint64_t m_payloadLeft = 0;
    int m_maskBytesLeft = 0;
};

} // namespace sbor::live
