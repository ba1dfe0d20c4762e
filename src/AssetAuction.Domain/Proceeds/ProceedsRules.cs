namespace AssetAuction.Domain.Proceeds;

/// <summary>The articles an explanation cites, per regime (the 2026 clause numbers are partly unverified: LAW-NOTES 4B).</summary>
public sealed record ProceedsCitations
{
    public string OrderOfPayment { get; init; } = "";

    public string Costs { get; init; } = "";

    public string Housing { get; init; } = "";

    public string Secured { get; init; } = "";

    public string Tiers { get; init; } = "";

    public string ProRata { get; init; } = "";

    public string Sharing { get; init; } = "";

    public string Surplus { get; init; } = "";

    public string Fee { get; init; } = "";
}

/// <summary>
/// The data of the distribution that changes over time: the enforcement fee schedule and the articles to
/// cite. A payment is judged by the set in force on its payment date (see <see cref="ProceedsRuleBook"/>).
/// </summary>
public sealed record ProceedsRules
{
    public string Name { get; init; } = "";

    public DateOnly EffectiveFrom { get; init; }

    public FeeSchedule Fees { get; init; } = new();

    public ProceedsCitations Citations { get; init; } = new();

    /// <summary>What is wrong with these rules, or an empty list.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("proceeds rules need a Name");
        }

        problems.AddRange(Fees.Problems().Select(p => $"{Name}: {p}"));
        return problems;
    }
}

/// <summary>The proceeds rules in force over time; picks the set for a payment date.</summary>
public sealed class ProceedsRuleBook
{
    private readonly ProceedsRules[] _sets;

    public ProceedsRuleBook(IEnumerable<ProceedsRules> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        _sets = [.. sets.OrderBy(s => s.EffectiveFrom)];
        var problems = _sets.SelectMany(s => s.Problems()).ToList();
        if (_sets.Length == 0)
        {
            problems.Add("at least one set of proceeds rules is required");
        }

        if (_sets.Select(s => s.EffectiveFrom).Distinct().Count() != _sets.Length)
        {
            problems.Add("two sets of proceeds rules take effect on the same day");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid proceeds rules: " + string.Join("; ", problems), nameof(sets));
        }
    }

    public IReadOnlyList<ProceedsRules> Sets => _sets;

    /// <summary>The set in force on <paramref name="day"/> (the latest that took effect on or before it).</summary>
    public ProceedsRules InForceOn(DateOnly day) =>
        _sets.LastOrDefault(s => s.EffectiveFrom <= day)
        ?? throw new ArgumentOutOfRangeException(nameof(day), day, $"No proceeds rules are in force on {Wording.Day(day)}; the earliest take effect {Wording.Day(_sets[0].EffectiveFrom)}.");
}
