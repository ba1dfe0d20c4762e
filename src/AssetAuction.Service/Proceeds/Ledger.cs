using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Common;
using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Data;
using AssetAuction.Service.Deadlines;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Proceeds;

internal static class LedgerQueries
{
    /// <summary>The postings an office, asset or case request looks at (scoped to the caller's office).</summary>
    public static IQueryable<LedgerEntry> Scope(AssetAuctionDbContext db, string officeRequested, string asset, string caseNumber, RequestContext context)
    {
        var office = OfficeScope.Resolve(officeRequested, context);
        var query = db.LedgerEntries.AsNoTracking();
        if (office.Length > 0)
        {
            query = query.Where(e => e.Office == office);
        }

        if (asset.Length > 0)
        {
            var id = ResourceNames.AssetId(asset);
            query = query.Where(e => e.AssetId == id);
        }

        if (caseNumber.Length > 0)
        {
            query = query.Where(e => e.CaseNumber == caseNumber);
        }

        return query;
    }

    public static V1.LedgerEntry ToProto(this LedgerEntry e) => new()
    {
        TransactionId = e.TransactionId,
        Kind = e.Kind,
        Asset = ResourceNames.Asset(e.AssetId),
        CaseNumber = e.CaseNumber,
        Office = e.Office,
        Account = (V1.LedgerAccount)e.Account,
        CreditorId = e.CreditorId,
        Amount = e.Amount,
        ValueDate = e.ValueDate.ToProto(),
        Reference = e.Reference,
        ReversalOf = e.ReversalOf ?? "",
        CreateTime = e.CreateTime.ToProto(),
    };
}

/// <summary>Balances per account (and creditor); the books of any scope add up to zero.</summary>
public sealed class GetLedgerBalances(AssetAuctionDbContext db)
{
    public async Task<V1.GetLedgerBalancesResponse> HandleAsync(V1.GetLedgerBalancesRequest request, RequestContext context)
    {
        var balances = (await LedgerQueries.Scope(db, request.Office, request.Asset, request.CaseNumber, context).BalancesExactAsync(context.CancellationToken))
            .Select(b => (b.Key.Account, b.Key.CreditorId, Amount: b.Value)).ToList();
        var response = new V1.GetLedgerBalancesResponse();
        response.Balances.Add(balances.Where(r => r.Amount != 0).OrderBy(r => r.Account).ThenBy(r => r.CreditorId, StringComparer.Ordinal)
            .Select(r => new V1.GetLedgerBalancesResponse.Types.Balance { Account = (V1.LedgerAccount)r.Account, CreditorId = r.CreditorId, Amount = ExactSums.ToDong(r.Amount, $"the balance of {r.Account}") }));
        var total = balances.Aggregate(Int128.Zero, (sum, r) => sum + r.Amount);
        response.Total = ExactSums.ToDong(total, "the total of the balances");
        response.Balanced = total == 0;
        return response;
    }

    public sealed class Validator : AbstractValidator<V1.GetLedgerBalancesRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Office).Optional(64);
            RuleFor(r => r.Asset).Must(a => a.Length == 0 || ResourceNames.AssetId(a) is not null).WithMessage("Must be empty or assets/{asset}.");
            RuleFor(r => r.CaseNumber).Optional(128);
        }
    }
}

/// <summary>The postings, oldest first, keyset-paged on their time-ordered id.</summary>
public sealed class ListLedgerEntries(AssetAuctionDbContext db)
{
    public async Task<V1.ListLedgerEntriesResponse> HandleAsync(V1.ListLedgerEntriesRequest request, RequestContext context)
    {
        var filters = $"{request.Office}|{request.Asset}|{request.CaseNumber}";
        var after = PageToken.Decode(request.PageToken, filters) ?? "";
        var size = PageToken.Size(request.PageSize);
        var page = await LedgerQueries.Scope(db, request.Office, request.Asset, request.CaseNumber, context)
            .Where(e => string.Compare(e.Id, after) > 0).OrderBy(e => e.Id).Take(size + 1).ToListAsync(context.CancellationToken);
        var response = new V1.ListLedgerEntriesResponse();
        response.Entries.Add(page.Take(size).Select(e => e.ToProto()));
        if (page.Count > size)
        {
            response.NextPageToken = PageToken.Encode(page[size - 1].Id, filters);
        }

        return response;
    }

    public sealed class Validator : AbstractValidator<V1.ListLedgerEntriesRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Office).Optional(64);
            RuleFor(r => r.Asset).Must(a => a.Length == 0 || ResourceNames.AssetId(a) is not null).WithMessage("Must be empty or assets/{asset}.");
            RuleFor(r => r.CaseNumber).Optional(128);
            RuleFor(r => r.PageSize).InclusiveBetween(0, PageToken.MaxPageSize);
        }
    }
}

/// <summary>A mistake is corrected by a reversing transaction, once; nothing is ever edited.</summary>
public sealed class ReverseLedgerTransaction(AssetAuctionDbContext db, MutationRunner runner, LedgerWriter ledger, TimeProvider clock)
{
    public const string NotFound = "LEDGER_TRANSACTION_NOT_FOUND";
    public const string AlreadyReversed = "TRANSACTION_ALREADY_REVERSED";
    public const string NotReversible = "TRANSACTION_NOT_REVERSIBLE";

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
            log.Record("ledger.transaction_reversed", "ledgerTransactions/" + written[0].TransactionId, first.Office, null, response);
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

/// <summary>A correcting transaction typed by finance staff; refused unless it balances.</summary>
public sealed class RecordLedgerCorrection(AssetAuctionDbContext db, MutationRunner runner, LedgerWriter ledger)
{
    public const string Unbalanced = "UNBALANCED_CORRECTION";

    public Task<V1.RecordLedgerCorrectionResponse> HandleAsync(V1.RecordLedgerCorrectionRequest request, RequestContext context)
    {
        var imbalance = request.Postings.Aggregate(Int128.Zero, (sum, p) => sum + p.Amount);
        if (imbalance != 0)
        {
            throw new RequestValidationException([new FieldViolation("postings", $"The postings add up to {imbalance} dong, not 0: debits and credits must balance.")], Unbalanced);
        }

        return runner.RunAsync(context, request, request.RequestId, async log =>
        {
            var asset = await Seizures.GetAsset.LoadAsync(db, request.Asset, context.Caller, context.CancellationToken, tracked: false);
            context.Caller.EnsureCanChange(asset.Office, asset.Name);
            var movement = new MoneyMovement("correction", request.ValueDate.ToDateOnly()!.Value, request.Reason.Trim(), [.. request.Postings.Select(p => new Posting((LedgerAccount)p.Account, p.Amount, p.CreditorId.Trim()))]);
            await EnsureBalancesStayInBoundsAsync(asset, movement, context.CancellationToken);
            var written = ledger.Write(movement, asset.Office, asset.Id, asset.CaseNumber);
            var response = new V1.RecordLedgerCorrectionResponse();
            response.Entries.Add(written.Select(e => e.ToProto()));
            log.Record("ledger.correction_recorded", "ledgerTransactions/" + written[0].TransactionId, asset.Office, null, response);
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
                p.RuleFor(x => x.Account).IsInEnum().NotEqual(V1.LedgerAccount.Unspecified).WithMessage("Name the account.");
                p.RuleFor(x => x.Amount).NotEqual(0).WithMessage("A posting moves a non-zero amount.").IsWithinMoneyBounds();
                p.RuleFor(x => x.CreditorId).Optional(64);
            });
            RuleFor(r => r.Reason).Required(1000);
            RuleFor(r => r.ValueDate).IsPastDate(clock);
        }
    }
}

/// <summary>Money owed outside a plan leaves custody: forfeited deposits remitted, refunds paid to a buyer.</summary>
public sealed class RecordRemittance(AssetAuctionDbContext db, MutationRunner runner, LedgerWriter ledger)
{
    public const string ExceedsBalance = "REMITTANCE_EXCEEDS_BALANCE";

    private static readonly V1.LedgerAccount[] Payable = [V1.LedgerAccount.StateBudget, V1.LedgerAccount.EnforcementAgencyFund, V1.LedgerAccount.BuyerRefunds];

    public Task<V1.RecordRemittanceResponse> HandleAsync(V1.RecordRemittanceRequest request, RequestContext context) =>
        runner.RunAsync(context, request, request.RequestId, async log =>
        {
            var asset = await Seizures.GetAsset.LoadAsync(db, request.Asset, context.Caller, context.CancellationToken, tracked: false);
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
            log.Record("ledger.remittance_recorded", "ledgerTransactions/" + written[0].TransactionId, asset.Office, null, response);
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
