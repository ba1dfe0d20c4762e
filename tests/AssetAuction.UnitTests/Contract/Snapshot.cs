using System.Reflection;
using System.Runtime.CompilerServices;

namespace AssetAuction.UnitTests.Contract;

/// <summary>A sorted list of names checked in beside these tests, compared with what the code declares.</summary>
internal static class Snapshot
{
    /// <summary>The value of every const string field of <paramref name="catalog"/>.</summary>
    public static IEnumerable<string> ConstantsOf(Type catalog) =>
        catalog.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    public static string PathOf(string file, [CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, file);

    /// <summary>The repository's root (where AssetAuction.sln is).</summary>
    public static string Root([CallerFilePath] string here = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));

    /// <summary>Fails naming what the code no longer declares (removed or renamed: a break of the public contract) and what it declares anew.</summary>
    public static void AssertMatches(string file, IEnumerable<string> declared, string what)
    {
        var expected = File.ReadAllLines(PathOf(file)).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
        var actual = declared.ToHashSet(StringComparer.Ordinal);
        var gone = expected.Except(actual).Order(StringComparer.Ordinal).ToList();
        var added = actual.Except(expected).Order(StringComparer.Ordinal).ToList();
        var problems = new List<string>();
        if (gone.Count > 0)
        {
            problems.Add($"{what} removed or renamed ({string.Join(", ", gone)}): they are public contract, clients use them. Keep them; a rename keeps the old name readable for a release and is noted in the README.");
        }

        if (added.Count > 0)
        {
            problems.Add($"{what} not in the snapshot ({string.Join(", ", added)}): add them to tests/AssetAuction.UnitTests/Contract/{file} (sorted) and to the README.");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>The lines of the snapshot file, to check it is kept sorted and without repeats.</summary>
    public static IReadOnlyList<string> Lines(string file) =>
        [.. File.ReadAllLines(PathOf(file)).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
}
