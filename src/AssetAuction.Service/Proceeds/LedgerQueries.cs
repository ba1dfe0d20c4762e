using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
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
