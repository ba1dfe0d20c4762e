using Google.Protobuf;
using Grpc.Core;

namespace AssetAuction.Service.Grpc;

/// <summary>
/// A response message already in its wire form, for an RPC whose answer is mostly protobuf bytes the service has
/// stored (an asset's view): the gRPC binding of such a method (<see cref="WireAnswerAttribute"/>) writes these
/// bytes as they are, instead of parsing the stored bytes into messages only to serialise them again (about 38% of
/// ListAssets' CPU in a profile). The bytes are exactly what serialising the typed response would give, because a
/// message's fields are written in field-number order and a stored message is written as it was read; the REST
/// transcoding still serves the typed response.
/// </summary>
public sealed class WireResponse
{
    private WireResponse(byte[] bytes) => Bytes = bytes;

    /// <summary>The serialised response message.</summary>
    public byte[] Bytes { get; }

    /// <summary>Writes the bytes as they are; a client never sends one (the service only answers with it).</summary>
    public static Marshaller<WireResponse> Marshaller { get; } = Marshallers.Create<WireResponse>(
        (response, context) => context.Complete(response.Bytes),
        _ => throw new NotSupportedException("A wire response is only ever written by the service."));

    /// <summary>Builds a response from its fields, which must be added in field-number order (as protobuf writes them).</summary>
    public sealed class Builder
    {
        private readonly List<(int Field, byte[]? Bytes, IMessage? Message, string? Text)> _fields = [];
        private int _lastField;

        /// <summary>An embedded message field (one element of a repeated one) from the message's stored bytes.</summary>
        public Builder AddMessage(int field, byte[] serialized)
        {
            ArgumentNullException.ThrowIfNull(serialized);
            return Add(field, serialized, null, null);
        }

        /// <summary>An embedded message field (one element of a repeated one) from a message.</summary>
        public Builder AddMessage(int field, IMessage message)
        {
            ArgumentNullException.ThrowIfNull(message);
            return Add(field, null, message, null);
        }

        /// <summary>A string field; an empty one is left out, as proto3 leaves out a default value.</summary>
        public Builder AddString(int field, string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            return text.Length == 0 ? Order(field) : Add(field, null, null, text);
        }

        public WireResponse Build()
        {
            var tags = new int[_fields.Count];
            var size = 0;
            for (var i = 0; i < _fields.Count; i++)
            {
                var (field, bytes, message, text) = _fields[i];
                tags[i] = CodedOutputStream.ComputeTagSize(field);
                var length = bytes?.Length ?? message?.CalculateSize() ?? CodedOutputStream.ComputeStringSize(text!);
                size += tags[i] + (text is null ? CodedOutputStream.ComputeLengthSize(length) + length : length);
            }

            var output = new byte[size];
            var stream = new CodedOutputStream(output);
            foreach (var (field, bytes, message, text) in _fields)
            {
                stream.WriteTag(field, WireFormat.WireType.LengthDelimited);
                if (bytes is not null)
                {
                    // Length and bytes, as WriteMessage writes an embedded message; the array is not copied first.
                    stream.WriteBytes(UnsafeByteOperations.UnsafeWrap(bytes));
                }
                else if (message is not null)
                {
                    stream.WriteMessage(message);
                }
                else
                {
                    stream.WriteString(text);
                }
            }

            stream.CheckNoSpaceLeft();
            return new WireResponse(output);
        }

        private Builder Add(int field, byte[]? bytes, IMessage? message, string? text)
        {
            Order(field);
            _fields.Add((field, bytes, message, text));
            return this;
        }

        private Builder Order(int field)
        {
            if (field < _lastField)
            {
                throw new InvalidOperationException($"Field {field} added after field {_lastField}: a message's fields are written in field-number order.");
            }

            _lastField = field;
            return this;
        }
    }
}
