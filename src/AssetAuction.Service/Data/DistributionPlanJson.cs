using System.Text.Json;
using AssetAuction.Domain.Proceeds;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AssetAuction.Service.Data;

/// <summary>
/// A stored plan's <see cref="DistributionPlan"/> as a JSON column: the domain's record as it is (System.Text.Json
/// reads its init-only properties and read-only lists), its computed amounts left out. EF Core 10's complex JSON
/// collections would need the record's lists to be IList, open to change from outside, on a plan that is frozen
/// once approved; the plan is written once and read whole, so nothing is lost by keeping it opaque to queries.
/// The rounds are the computation's working, kept only while it runs: what they decided is in the creditors, the
/// lines and the steps.
/// </summary>
internal static class DistributionPlanJson
{
    private static readonly JsonSerializerOptions Options = new() { IgnoreReadOnlyProperties = true };

    public static string Write(DistributionPlan plan) => JsonSerializer.Serialize(plan with { Rounds = [] }, Options);

    public static DistributionPlan Read(string json) => JsonSerializer.Deserialize<DistributionPlan>(json, Options)
        ?? throw new InvalidOperationException("A stored distribution plan is null.");

    public static ValueConverter<DistributionPlan, string> Converter { get; } = new(plan => Write(plan), json => Read(json));
}
