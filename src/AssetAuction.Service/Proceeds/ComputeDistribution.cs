using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Common;
using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Requests;
using AssetAuction.Service.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Proceeds;

/// <summary>
/// Previews the statutory distribution of a sold asset's proceeds among its case's obligations, with the
/// reasoning step by step (LTHADS 47; ND62 49). Writes nothing.
/// </summary>
public sealed class ComputeDistribution(AssetAuctionDbContext db, TimeProvider clock, ProceedsRuleBook rules)
{
    public const string ProceedsNotCollected = Reasons.ProceedsNotCollected;

    public async Task<V1.ComputeDistributionResponse> HandleAsync(V1.ComputeDistributionRequest request, RequestContext context) =>
        new() { Plan = (await ComputeAsync(request, context)).Plan.ToProto() };

    /// <summary>The asset (read only) and the plan for its proceeds; shared with PrepareDistributionPlan.</summary>
    internal async Task<(Asset Asset, DistributionPlan Plan)> ComputeAsync(V1.ComputeDistributionRequest request, RequestContext context)
    {
        var asset = await AssetReads.LoadAsync(db, request.Asset, context.Caller, context.CancellationToken, tracked: false);
        var collected = asset.CollectedForDistribution
            ?? throw DomainException.Precondition(ProceedsNotCollected, asset.Name, "Nothing has been collected for this asset yet: no full payment by a buyer, no redemption by the debtor.");

        var paymentDate = request.PaymentDate.ToDateOnly() ?? VietnamTime.DateAt(clock.GetUtcNow());
        if (paymentDate < rules.Sets[0].EffectiveFrom)
        {
            // The fee schedule of an earlier time is not configured: say so about the field, not as an internal error.
            throw new RequestValidationException([new FieldViolation("payment_date", $"No proceeds rules are configured for {paymentDate:yyyy-MM-dd}; the earliest take effect {rules.Sets[0].EffectiveFrom:yyyy-MM-dd}.")]);
        }

        // Only the obligations with a claim on this money: a pledgee who is not a judgment creditor shares only in
        // the asset it holds security on, and a creditor who asked for enforcement after the payment date is not in
        // this distribution (LTHADS 47.2). The others of the case wait for its other assets or a later payment.
        var obligations = await db.Obligations.AsNoTracking()
            .Where(o => o.Office == asset.Office && o.CaseNumber == asset.CaseNumber)
            .Where(o => o.HolderIsJudgmentCreditor ? o.RequestedOn == null || o.RequestedOn <= paymentDate : o.SecuredAssetId == asset.Id)
            .ToListAsync(context.CancellationToken);
        var proceeds = new ProceedsContext
        {
            AssetId = asset.Id,
            Collected = collected.Amount,
            EnforcementCosts = request.EnforcementCosts,
            HousingAmount = request.HousingAmount,
            OnlyResidence = asset.IsOnlyResidence,
            Decision = request.Decision.Trim(),
            DecisionDate = request.DecisionDate.ToDateOnly()!.Value,
            PaymentDate = paymentDate,
        };
        return (asset, Distribution.Compute(proceeds, [.. obligations.Select(o => o.ToCalculation())], rules));
    }

    public sealed class Validator : AbstractValidator<V1.ComputeDistributionRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Asset).IsAssetName();
            RuleFor(r => r.EnforcementCosts).IsMoneyOrZero();
            RuleFor(r => r.HousingAmount).IsMoneyOrZero();
            RuleFor(r => r.Decision).Required(128);
            RuleFor(r => r.DecisionDate).IsDate();
            RuleFor(r => r.PaymentDate).IsOptionalDate();
        }
    }
}
