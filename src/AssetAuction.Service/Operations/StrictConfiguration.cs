using System.ComponentModel;
using System.Reflection;

namespace AssetAuction.Service.Operations;

/// <summary>
/// Checks that every value of a configuration section converts to the type it binds to. The configuration binder
/// silently drops an element of a list that fails to bind (a rule set with <c>EffectiveFrom=someday</c> simply
/// vanishes, and the service would judge old acts by the wrong law); this walks the section against the target
/// type and names the first value that does not convert.
/// </summary>
internal static class StrictConfiguration
{
    /// <summary>Throws <see cref="InvalidOperationException"/> naming the path of the first value that does not convert to its property's type.</summary>
    public static void Check(IConfigurationSection section, Type type)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(type);
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (ElementOf(target) is { } element)
        {
            foreach (var child in section.GetChildren())
            {
                Check(child, element);
            }

            return;
        }

        if (IsLeaf(target))
        {
            if (section.Value is { } value && !Converts(value, target))
            {
                throw new InvalidOperationException($"{section.Path}: '{value}' is not a valid {Describe(target)}.");
            }

            return;
        }

        foreach (var child in section.GetChildren())
        {
            var property = target.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is not null)
            {
                Check(child, property.PropertyType);
            }
        }
    }

    private static Type? ElementOf(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments() is [var element] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? element
        : null;

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateOnly) || type == typeof(TimeOnly)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(Uri);

    private static bool Converts(string value, Type type)
    {
        try
        {
            if (type.IsEnum)
            {
                return Enum.TryParse(type, value, ignoreCase: true, out _);
            }

            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            return false;
        }
    }

    private static string Describe(Type type) =>
        type.IsEnum ? $"{type.Name} ({string.Join(", ", Enum.GetNames(type))})"
        : type == typeof(DateOnly) ? "date (yyyy-MM-dd)"
        : type.Name;
}
