using System.Collections;
using AssetAuction.Service.Requests;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace AssetAuction.Service.Grpc;

/// <summary>
/// A backstop count for every repeated (and map) field of every request, checked before any validator so that a
/// request with 100,000 empty elements is refused on its count, not validated element by element. Validators set
/// smaller, field-specific maximums; this one bounds the fields that have none.
/// </summary>
public static class RepeatedFieldLimit
{
    public const int MaxElements = 1000;

    /// <summary>The fields over the limit (proto field paths), at most <paramref name="maxReported"/> of them.</summary>
    public static IReadOnlyList<FieldViolation> Check(IMessage message, int maxReported = RequestValidationException.MaxViolations)
    {
        ArgumentNullException.ThrowIfNull(message);
        var found = new List<FieldViolation>();
        Walk(message, "", found, maxReported);
        return found;
    }

    private static void Walk(IMessage message, string prefix, List<FieldViolation> found, int maxReported)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (found.Count >= maxReported)
            {
                return;
            }

            var path = prefix + field.Name;
            if (field.IsMap)
            {
                var map = (IDictionary)field.Accessor.GetValue(message);
                if (map.Count > MaxElements)
                {
                    found.Add(new FieldViolation(path, $"At most {MaxElements} entries."));
                }
            }
            else if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                if (list.Count > MaxElements)
                {
                    found.Add(new FieldViolation(path, $"At most {MaxElements} elements."));
                }
                else if (field.FieldType == FieldType.Message)
                {
                    for (var i = 0; i < list.Count && found.Count < maxReported; i++)
                    {
                        Walk((IMessage)list[i]!, $"{path}[{i}].", found, maxReported);
                    }
                }
            }
            else if (field.FieldType == FieldType.Message && field.Accessor.GetValue(message) is IMessage child)
            {
                Walk(child, path + ".", found, maxReported);
            }
        }
    }
}
