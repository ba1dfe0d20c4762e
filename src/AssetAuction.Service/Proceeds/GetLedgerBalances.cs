using AssetAuction.Domain.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Proceeds;

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
