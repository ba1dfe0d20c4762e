namespace AssetAuction.Domain.Rules;

/// <summary>The rule sets in force over time; picks the one for the day an act happens.</summary>
public sealed class RuleBook
{
    private readonly RuleSet[] _sets;

    public RuleBook(IEnumerable<RuleSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        _sets = [.. sets.OrderBy(s => s.EffectiveFrom)];
        var problems = _sets.SelectMany(s => s.Problems()).ToList();
        if (_sets.Length == 0)
        {
            problems.Add("at least one rule set is required");
        }

        if (_sets.Select(s => s.EffectiveFrom).Distinct().Count() != _sets.Length)
        {
            problems.Add("two rule sets take effect on the same day");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid rule sets: " + string.Join("; ", problems), nameof(sets));
        }
    }

    public IReadOnlyList<RuleSet> Sets => _sets;

    /// <summary>The rule set in force on <paramref name="day"/> (the latest that took effect on or before it).</summary>
    public RuleSet InForceOn(DateOnly day) =>
        _sets.LastOrDefault(s => s.EffectiveFrom <= day)
        ?? throw Common.DomainException.Precondition(
            Common.Reasons.NoRuleSetInForce,
            "rules",
            $"No rule set is in force on {day:yyyy-MM-dd}; the earliest takes effect {_sets[0].EffectiveFrom:yyyy-MM-dd}. Configure the rules of that time to record this act.");
}
