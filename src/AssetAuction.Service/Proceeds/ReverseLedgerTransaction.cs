using AssetAuction.Domain.Common;
using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Data;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Proceeds;

/// <summary>A mistake is corrected by a reversing transaction, once; nothing is ever edited.</summary>
public sealed class ReverseLedgerTransaction(AssetAuctionDbContext db, MutationRunner runner, LedgerWriter ledger, TimeProvider clock)
{
    public const string NotFound = Reasons.LedgerTransactionNotFound;
    public const string AlreadyReversed = Reasons.TransactionAlreadyReversed;
    public const string NotReversible = Reasons.TransactionNotReversible;

    public Task<V1.ReverseLedgerTransactionResponse> HandleAsync(V1.ReverseLedgerTransactionRequest request, RequestContext context) =>
        runner.RunAsync(context, request, request.RequestId, async log =>
        {
            var original = await db.LedgerEntries.AsNoTracking().Where(e => e.TransactionId == request.TransactionId).ToListAsync(context.CancellationToken);
            if (original.Count == 0 || !context.Caller.CanSeeOffice(original[0].Office))
            {
                throw DomainException.NotFound(NotFound, "ledgerTransactions/" + request.TransactionId);
            }

            var first = original[0];
            context.Caller.EnsureCanChange(first.Office, "ledgerTransactions/" + request.TransactionId);
            if (first.Kind is ApproveDistributionPlan.LedgerKind or RecordPayout.LedgerKind or WithdrawDistributionPlan.LedgerKind)
            {
                throw DomainException.Precondition(NotReversible, "ledgerTransactions/" + request.TransactionId, "A plan's allocation, its payouts and its withdrawal are bound to the plan: they cannot be reversed on their own (WithdrawDistributionPlan sets a plan aside).", new Dictionary<string, string> { ["kind"] = first.Kind });
            }

            if (LedgerKinds.WrittenByPipeline.Contains(first.Kind))
            {
                // The asset records the same money (its sale's payments, deposits, redemption): reversing the books
                // alone would make the two disagree. The pipeline step that undoes it writes its own movement.
                throw DomainException.Precondition(NotReversible, "ledgerTransactions/" + request.TransactionId, $"This '{first.Kind}' was recorded by a pipeline step together with the asset's own record of the money; undo it through the pipeline (CancelAuctionResult or RecordBuyerDefault for a sale), or record a balanced correction.", new Dictionary<string, string> { ["kind"] = first.Kind });
            }

            if (first.ReversalOf is not null || await db.LedgerEntries.AnyAsync(e => e.ReversalOf == request.TransactionId, context.CancellationToken))
            {
                throw DomainException.Precondition(AlreadyReversed, "ledgerTransactions/" + request.TransactionId, "This transaction is a reversal or has been reversed already.");
            }

            var written = ledger.Reverse(original, "reversal:" + first.Kind, VietnamTime.DateAt(clock.GetUtcNow()), request.Reason.Trim());
            var response = new V1.ReverseLedgerTransactionResponse();
            response.Entries.Add(written.Select(e => e.ToProto()));
            log.Record(EventTypes.LedgerTransactionReversed, "ledgerTransactions/" + written[0].TransactionId, first.Office, null, response);
            return response;
        });

    public sealed class Validator : AbstractValidator<V1.ReverseLedgerTransactionRequest>
    {
        public Validator()
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.TransactionId).Required(32);
            RuleFor(r => r.Reason).Required(1000);
        }
    }
}
