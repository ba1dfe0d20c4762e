using AssetAuction.Domain.Common;
using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Proceeds;

/// <summary>Money owed outside a plan leaves custody: forfeited deposits remitted, refunds paid to a buyer.</summary>
public sealed class RecordRemittance(AssetAuctionDbContext db, MutationRunner runner, LedgerWriter ledger)
{
    public const string ExceedsBalance = Reasons.RemittanceExceedsBalance;

    private static readonly V1.LedgerAccount[] Payable = [V1.LedgerAccount.StateBudget, V1.LedgerAccount.EnforcementAgencyFund, V1.LedgerAccount.BuyerRefunds];

    public Task<V1.RecordRemittanceResponse> HandleAsync(V1.RecordRemittanceRequest request, RequestContext context) =>
        runner.RunAsync(context, request, request.RequestId, async log =>
        {
            var asset = await AssetReads.LoadAsync(db, request.Asset, context.Caller, context.CancellationToken, tracked: false);
            context.Caller.EnsureCanChange(asset.Office, asset.Name);
            var account = (LedgerAccount)request.Account;
            var owed = -await db.LedgerEntries.Where(e => e.AssetId == asset.Id && e.Account == account).SumExactAsync(context.CancellationToken);
            if (request.Amount > owed)
            {
                throw DomainException.Precondition(ExceedsBalance, asset.Name, $"The books owe {owed} dong from {account} for this asset.", new Dictionary<string, string> { ["owed"] = owed.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }

            var written = ledger.Write(MoneyMovement.Between("remittance", request.PaidOn.ToDateOnly()!.Value, request.Reference.Trim(), account, LedgerAccount.Custody, request.Amount), asset.Office, asset.Id, asset.CaseNumber);
            var response = new V1.RecordRemittanceResponse();
            response.Entries.Add(written.Select(e => e.ToProto()));
            log.Record(EventTypes.LedgerRemittanceRecorded, "ledgerTransactions/" + written[0].TransactionId, asset.Office, null, response);
            return response;
        });

    public sealed class Validator : AbstractValidator<V1.RecordRemittanceRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Asset).IsAssetName();
            RuleFor(r => r.Account).Must(a => Payable.Contains(a)).WithMessage("Only a forfeited deposit (state budget, agency fund) or a buyer refund is remitted here.");
            RuleFor(r => r.Amount).IsPositiveMoney();
            RuleFor(r => r.PaidOn).IsPastDate(clock);
            RuleFor(r => r.Reference).Required(128);
        }
    }
}
