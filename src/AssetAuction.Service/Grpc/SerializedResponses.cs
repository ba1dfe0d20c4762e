using System.Runtime.CompilerServices;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace AssetAuction.Service.Grpc;

/// <summary>
/// Messages whose wire form the service already holds: a mutation's response is serialised once for its
/// idempotency record (<see cref="Journal.Decision"/>), and a replay's is the stored record itself; a step's asset
/// is serialised once for its view and its response (Assets/AssetChange). The gRPC
/// binding writes those bytes instead of serialising the message again (for a step on an asset with a long
/// history, serialising the whole asset again was 8% of the step's CPU). A response is remembered only once it is
/// final, when the write committed or the replay was read; nothing changes a response after that.
/// The REST transcoding writes JSON and does not look here.
/// </summary>
internal static class SerializedResponses
{
    // By the response object itself: an entry lives exactly as long as its response.
    private static readonly ConditionalWeakTable<object, byte[]> Known = [];

    /// <summary>Remembers <paramref name="bytes"/> as <paramref name="response"/>'s wire form; returns the response.</summary>
    public static T Remember<T>(T response, byte[] bytes)
        where T : IMessage
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(bytes);
        Known.AddOrUpdate(response, bytes);
        return response;
    }

    /// <summary>
    /// The bytes of <paramref name="response"/>: built around a remembered message's bytes when the response holds
    /// only that message (every pipeline step answers with just its asset, serialised once when the change was
    /// recorded, for its view as well), otherwise serialised.
    /// </summary>
    public static byte[] Serialize(IMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var fields = response.Descriptor.Fields.InFieldNumberOrder();
        if (fields is [{ FieldType: FieldType.Message, IsRepeated: false } field]
            && field.Accessor.GetValue(response) is IMessage inner
            && Known.TryGetValue(inner, out var bytes))
        {
            return new WireResponse.Builder().AddMessage(field.FieldNumber, bytes).Build().Bytes;
        }

        return response.ToByteArray();
    }

    /// <summary>The bytes remembered for <paramref name="response"/>, if any (for tests).</summary>
    internal static bool TryGet(object response, out byte[] bytes) => Known.TryGetValue(response, out bytes!);

    /// <summary><paramref name="generated"/>, writing a remembered response's bytes as they are.</summary>
    public static Marshaller<T> Writing<T>(Marshaller<T> generated)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(generated);
        var serialize = generated.ContextualSerializer;
        return Marshallers.Create<T>(
            (response, context) =>
            {
                if (Known.TryGetValue(response, out var bytes))
                {
                    context.Complete(bytes);
                }
                else
                {
                    serialize(response, context);
                }
            },
            generated.ContextualDeserializer);
    }
}
