using System.Text;
using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;

namespace AssetAuction.Service.Grpc;

/// <summary>
/// Turns a FluentValidation property path of a generated message ("Assets[0].LandUseRight.AreaM2")
/// into the proto field path clients know ("assets[0].land_use_right.area_m2"), by walking the descriptors.
/// </summary>
public static partial class ProtoFieldPath
{
    public static string FromPropertyPath(MessageDescriptor root, string propertyPath)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(propertyPath);
        var result = new StringBuilder();
        MessageDescriptor? current = root;
        foreach (var segment in propertyPath.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var match = SegmentPattern().Match(segment);
            var property = match.Groups["name"].Value;
            var index = match.Groups["index"].Value;
            var field = current?.Fields.InDeclarationOrder().FirstOrDefault(f => f.PropertyName == property);
            if (result.Length > 0)
            {
                result.Append('.');
            }

            result.Append(field?.Name ?? property).Append(index);
            current = field?.FieldType == FieldType.Message ? field.MessageType : null;
        }

        return result.ToString();
    }

    [GeneratedRegex(@"^(?<name>[^\[]+)(?<index>(\[\d+\])*)$")]
    private static partial Regex SegmentPattern();
}
