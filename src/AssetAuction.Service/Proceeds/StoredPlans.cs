using AssetAuction.Domain.Common;
using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Data;
using AssetAuction.Service.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Proceeds;

/// <summary>Finds a stored plan by its name, for a caller of its office (another office's is not found).</summary>
internal static class StoredPlans
{
    public const string NotFound = Reasons.DistributionPlanNotFound;

    public static async Task<StoredPlan> LoadAsync(AssetAuctionDbContext db, string name, RequestContext context, bool tracked = true)
    {
        var id = IdOf(name);
        var query = db.DistributionPlans.Where(p => p.Id == id);
        var plan = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(context.CancellationToken) ?? throw DomainException.NotFound(NotFound, name);
        context.Caller.EnsureVisible(plan.Office, name, NotFound);
        return plan;
    }

    public static string? IdOf(string name)
    {
        var parts = name.Split('/');
        return parts is ["assets", _, "distributionPlans", var id] && id.Length > 0 ? id : null;
    }

    public const string AlreadyApprovedForAsset = Reasons.AssetHasApprovedPlan;

    /// <summary>
    /// One approved plan per asset: the proceeds are distributed once. Checked inside the mutation's
    /// transaction, which holds the journal lock, so two approvals cannot both pass.
    /// </summary>
    public static async Task EnsureNoApprovedPlanAsync(AssetAuctionDbContext db, string assetId, CancellationToken ct)
    {
        var approved = await db.DistributionPlans.AsNoTracking().FirstOrDefaultAsync(p => p.AssetId == assetId && p.State == StoredPlanState.Approved, ct);
        if (approved is not null)
        {
            throw DomainException.Precondition(AlreadyApprovedForAsset, approved.Name, $"The asset's proceeds already have an approved plan, {approved.Name}; withdraw it (WithdrawDistributionPlan) while nothing is paid out under it, or correct the payouts through the ledger.", new Dictionary<string, string> { ["plan"] = approved.Name });
        }
    }

    public static IRuleBuilderOptions<T, string> IsPlanName<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(n => IdOf(n) is not null).WithMessage("Must be assets/{asset}/distributionPlans/{plan}.");
}
