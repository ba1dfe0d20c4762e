using AssetAuction.Domain.Proceeds;
using AssetAuction.Domain.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using Microsoft.EntityFrameworkCore;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Proceeds;

/// <summary>
/// Converts plans stored as v1 proto JSON (before migration DistributionPlanAsDomainRecord) into the domain's
/// record, with the parser that wrote them. The proto kept less than the record: a fee's amount due beyond what
/// was withheld, and the costs left unpaid, were not stored, so a converted plan has the fee due equal to the fee
/// withheld and no unpaid costs; nothing reads either from a stored plan. Its version (etag) is unchanged: the
/// plan is the same, only its storage changed.
/// </summary>
internal sealed class LegacyPlans : IDataConversion
{
    public async Task<int> ConvertAsync(AssetAuctionDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        const string Legacy = StoredPlanConfiguration.LegacyPlanJson;
        var rows = await db.DistributionPlans.AsNoTracking()
            .Where(p => EF.Property<string?>(p, Legacy) != null)
            .Select(p => new { p.Id, Json = EF.Property<string>(p, Legacy) })
            .ToListAsync(ct);
        var converted = 0;
        foreach (var row in rows)
        {
            var plan = FromProto(V1.DistributionPlan.Parser.ParseJson(row.Json));
            converted += await db.DistributionPlans
                .Where(p => p.Id == row.Id && EF.Property<string?>(p, Legacy) != null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Plan, plan).SetProperty(p => EF.Property<string?>(p, Legacy), (string?)null), ct);
        }

        return converted;
    }

    public static DistributionPlan FromProto(V1.DistributionPlan proto)
    {
        ArgumentNullException.ThrowIfNull(proto);
        return new DistributionPlan
        {
            AssetId = ResourceNames.AssetId(proto.Asset) ?? "",
            Collected = proto.Collected,
            PaymentDate = proto.PaymentDate.ToDateOnly() ?? default,
            RulesName = proto.Rules,
            EnforcementCostsPaid = proto.EnforcementCostsPaid,
            HousingAmountKept = proto.HousingAmountKept,
            Surplus = proto.Surplus,
            Creditors = [.. proto.Creditors.Select(c => new CreditorPayout
            {
                CreditorId = c.CreditorId,
                CreditorName = c.CreditorName,
                Owed = c.Owed,
                Paid = c.Share,
                Fee = new FeeCharge { Due = c.FeeWithheld, Withheld = c.FeeWithheld, Explanation = c.FeeExplanation },
            })],
            Lines = [.. proto.Lines.Select(l => new PlanLine((LineKind)l.Kind, l.CreditorId.Length == 0 ? null : l.CreditorId, l.Amount))],
            Steps = [.. proto.Steps],
        };
    }
}
