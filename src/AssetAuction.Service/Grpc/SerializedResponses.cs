using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace AssetAuction.Service.Grpc;

/// <summary>
/// Messages whose wire form the service already holds: a mutation's response is serialised once for its
/// idempotency record (<see cref="Journal.Decision"/>), and a replay's is the stored record itself; a step's asset
/// is serialised once for its view and its response (Assets/AssetChange). The gRPC binding writes a response's
/// bytes, left in the call's items (<see cref="Security.RequestContext.Items"/>) when it is final (the write
/// committed or the replay was read), instead of serialising the message again (for a step on an asset with a
/// long history, serialising the whole asset again was 8% of the step's CPU). The bytes are used only for that
/// very response object, and go with the call. The REST transcoding writes JSON and does not look here.
/// <para>
/// Per call, not a table keyed by the response objects: a ConditionalWeakTable with a key per write churned its
/// containers and dependent handles (in a 10-minute soak the GC heap grew from 41 to 104 MB, against a flat 28 MB
/// without it, and the calls per second fell).
/// </para>
/// </summary>
internal static class SerializedResponses
{
    private static readonly object Key = new();

    /// <summary>Leaves <paramref name="bytes"/> in <paramref name="items"/> as <paramref name="response"/>'s wire form; returns the response.</summary>
    public static T Remember<T>(IDictionary<object, object?>? items, T response, byte[] bytes)
        where T : IMessage
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(bytes);
        if (items is not null)
        {
            items[Key] = new Answer(response, bytes);
        }

        return response;
    }

    /// <summary>The bytes left in <paramref name="items"/> for exactly <paramref name="response"/>, if any.</summary>
    public static bool TryGet(IDictionary<object, object?>? items, object response, out byte[] bytes)
    {
        if (items is not null && items.TryGetValue(Key, out var value) && value is Answer answer && ReferenceEquals(answer.Response, response))
        {
            bytes = answer.Bytes;
            return true;
        }

        bytes = [];
        return false;
    }

    /// <summary>
    /// The bytes of <paramref name="response"/>: built around a message's bytes in <paramref name="known"/> when the
    /// response holds only that message (every pipeline step answers with just its asset, serialised once when the
    /// change was recorded, for its view as well), otherwise serialised.
    /// </summary>
    public static byte[] Serialize(IMessage response, IReadOnlyDictionary<IMessage, byte[]> known)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(known);
        var fields = response.Descriptor.Fields.InFieldNumberOrder();
        if (known.Count > 0
            && fields is [{ FieldType: FieldType.Message, IsRepeated: false } field]
            && field.Accessor.GetValue(response) is IMessage inner
            && known.TryGetValue(inner, out var bytes))
        {
            return new WireResponse.Builder().AddMessage(field.FieldNumber, bytes).Build().Bytes;
        }

        return response.ToByteArray();
    }

    /// <summary><paramref name="generated"/>, writing the bytes left in the call's items for the response as they are.</summary>
    public static Marshaller<T> Writing<T>(Marshaller<T> generated, IHttpContextAccessor calls)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(generated);
        ArgumentNullException.ThrowIfNull(calls);
        var serialize = generated.ContextualSerializer;
        return Marshallers.Create<T>(
            (response, context) =>
            {
                if (TryGet(calls.HttpContext?.Items, response, out var bytes))
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

    private sealed record Answer(object Response, byte[] Bytes);
}
