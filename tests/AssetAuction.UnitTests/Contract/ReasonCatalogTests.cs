using System.Text.RegularExpressions;
using AssetAuction.Domain.Common;
using AssetAuction.Service.Requests;

namespace AssetAuction.UnitTests.Contract;

/// <summary>
/// Every ErrorInfo reason the API can return is declared once, in one of two catalogs: the domain's
/// (<see cref="Reasons"/>) and the service's own (<see cref="ServiceReasons"/>); together they are compared with
/// reasons.txt, so a reason cannot be renamed or removed by accident.
/// </summary>
public sealed partial class ReasonCatalogTests
{
    private static readonly Type[] Catalogs = [typeof(Reasons), typeof(ServiceReasons)];

    private static IEnumerable<string> Declared => Catalogs.SelectMany(Snapshot.ConstantsOf);

    [Fact]
    public void The_reasons_are_those_of_the_snapshot() => Snapshot.AssertMatches("reasons.txt", Declared, "Reasons");

    [Fact]
    public void The_snapshot_is_sorted_and_without_repeats()
    {
        var lines = Snapshot.Lines("reasons.txt");
        Assert.Equal(lines.Order(StringComparer.Ordinal).Distinct(), lines);
    }

    [Fact]
    public void Each_reason_is_upper_snake_and_declared_in_one_catalog_only()
    {
        var all = Declared.ToList();
        Assert.All(all, r => Assert.Matches(UpperSnake(), r));
        Assert.Empty(all.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    /// <summary>
    /// A reason written as a literal anywhere else in the domain or the service (a "SOMETHING_WRONG" passed to an
    /// exception, an ErrorInfo or an import outcome) escapes the catalog and its snapshot: every upper-case string
    /// literal of five characters or more in src is either in a catalog file or one of the few that are not reasons.
    /// </summary>
    [Fact]
    public void No_reason_is_written_as_a_literal_outside_the_catalogs()
    {
        string[] catalogFiles = ["src/AssetAuction.Domain/Common/Reasons.cs", "src/AssetAuction.Service/Requests/ServiceReasons.cs"];
        var notReasons = new Dictionary<string, string>
        {
            ["\"PATCH\""] = "an HTTP method (Rest/TranscodedPaths.cs)",
            ["\"DELETE\""] = "an HTTP method (Rest/TranscodedPaths.cs)",
            ["\"QRTZ_\""] = "Quartz's table prefix (Data/QuartzStoreSchema.cs)",
        };
        var strays = new List<string>();
        foreach (var project in new[] { "src/AssetAuction.Domain", "src/AssetAuction.Service" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Snapshot.Root(), project), "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(Snapshot.Root(), file).Replace('\\', '/');
                if (catalogFiles.Contains(relative) || relative.Contains("/Migrations/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal))
                {
                    continue;
                }

                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    foreach (Match literal in UpperLiteral().Matches(lines[i]))
                    {
                        if (!notReasons.ContainsKey(literal.Value))
                        {
                            strays.Add($"{relative}:{i + 1}: {literal.Value}");
                        }
                    }
                }
            }
        }

        Assert.True(strays.Count == 0, "Reasons written outside the catalogs (declare them in Reasons or ServiceReasons, and in Contract/reasons.txt):" + Environment.NewLine + string.Join(Environment.NewLine, strays));
    }

    [Fact]
    public void The_scan_finds_a_stray_literal() =>
        Assert.Equal(["\"PLAN_GONE\"", "\"ABORT\""], UpperLiteral().Matches("throw DomainException.NotFound(\"PLAN_GONE\", x); Fail(\"ABORT\"); \"Abc\" \"OK\"").Select(m => m.Value));

    [GeneratedRegex("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")]
    private static partial Regex UpperSnake();

    [GeneratedRegex("\"[A-Z][A-Z0-9_]{4,}\"")]
    private static partial Regex UpperLiteral();
}
