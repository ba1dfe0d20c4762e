using AssetAuction.Domain.Common;
using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Requests;
using AssetAuction.Service.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Proceeds;

/// <summary>A correcting transaction typed by finance staff; refused unless it balances.</summary>
public sealed class RecordLedgerCorrection(AssetAuctionDbContext db, MutationRunner runner, LedgerWriter ledger)
{
    public const string Unbalanced = Reasons.UnbalancedCorrection;

    public Task<V1.RecordLedgerCorrectionResponse> HandleAsync(V1.RecordLedgerCorrectionRequest request, RequestContext context)
    {
        var imbalance = request.Postings.Aggregate(Int128.Zero, (sum, p) => sum + p.Amount);
        if (imbalance != 0)
        {
            throw new RequestValidationException([new FieldViolation("postings", $"The postings add up to {imbalance} dong, not 0: debits and credits must balance.")], Unbalanced);
        }

        return runner.RunAsync(context, request, request.RequestId, async log =>
        {
            var asset = await AssetReads.LoadAsync(db, request.Asset, context.Caller, context.CancellationToken, tracked: false);
            context.Caller.EnsureCanChange(asset.Office, asset.Name);
            var movement = new MoneyMovement("correction", request.ValueDate.ToDateOnly()!.Value, request.Reason.Trim(), [.. request.Postings.Select(p => new Posting((LedgerAccount)p.Account, p.Amount, p.CreditorId.Trim()))]);
            await EnsureBalancesStayInBoundsAsync(asset, movement, context.CancellationToken);
            var written = ledger.Write(movement, asset.Office, asset.Id, asset.CaseNumber);
            var response = new V1.RecordLedgerCorrectionResponse();
            response.Entries.Add(written.Select(e => e.ToProto()));
            log.Record(EventTypes.LedgerCorrectionRecorded, "ledgerTransactions/" + written[0].TransactionId, asset.Office, null, response);
            return response;
        });
    }

    /// <summary>
    /// Every balance of the asset's accounts stays within <see cref="Money.Max"/> after the correction, so the books
    /// of an office can always be added up and reported in int64 (a reversal, which only undoes, is never refused).
    /// </summary>
    private async Task EnsureBalancesStayInBoundsAsync(Domain.Assets.Asset asset, MoneyMovement movement, CancellationToken ct)
    {
        var accounts = movement.Postings.Select(p => p.Account).Distinct().ToList();
        var balances = await db.LedgerEntries.AsNoTracking().Where(e => e.AssetId == asset.Id && accounts.Contains(e.Account)).BalancesExactAsync(ct);
        foreach (var change in movement.Postings.GroupBy(p => (p.Account, p.CreditorId)))
        {
            var after = balances.GetValueOrDefault(change.Key) + change.Aggregate(Int128.Zero, (sum, p) => sum + p.Amount);
            if (after > Money.Max || after < -Money.Max)
            {
                throw DomainException.Precondition(
                    ExactSums.BalanceOutOfRange,
                    asset.Name,
                    $"After this correction the asset's {change.Key.Account} balance{(change.Key.CreditorId.Length > 0 ? $" for {change.Key.CreditorId}" : "")} would be {after} dong, beyond the bound of {Money.Max} dong either way.",
                    new Dictionary<string, string> { ["account"] = change.Key.Account.ToString(), ["balance_after"] = after.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }
        }
    }

    public sealed class Validator : AbstractValidator<V1.RecordLedgerCorrectionRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Asset).IsAssetName();
            RuleFor(r => r.Postings).Must(p => p.Count is >= 2 and <= 50).WithMessage("Give 2 to 50 postings.");
            RuleForEach(r => r.Postings).ChildRules(p =>
            {
                p.RuleFor(x => x.Account).IsDefinedValue().NotEqual(V1.LedgerAccount.Unspecified).WithMessage("Name the account.");
                p.RuleFor(x => x.Amount).NotEqual(0).WithMessage("A posting moves a non-zero amount.").IsWithinMoneyBounds();
                p.RuleFor(x => x.CreditorId).Optional(64);
            });
            RuleFor(r => r.Reason).Required(1000);
            RuleFor(r => r.ValueDate).IsPastDate(clock);
        }
    }
}
