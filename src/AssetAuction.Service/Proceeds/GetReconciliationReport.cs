using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Requests;
using AssetAuction.Service.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Proceeds;

/// <summary>The reconciliation of an office for a period, also as CSV.</summary>
public sealed class GetReconciliationReport(AssetAuctionDbContext db)
{
    public async Task<V1.GetReconciliationReportResponse> HandleAsync(V1.GetReconciliationReportRequest request, RequestContext context)
    {
        var office = OfficeScope.Resolve(request.Office, context);
        if (office.Length == 0)
        {
            throw new RequestValidationException([new FieldViolation("office", "A reconciliation is per office: name it.")]);
        }

        var from = request.FromDate.ToDateOnly()!.Value;
        var to = request.ToDate.ToDateOnly()!.Value;
        var custody = db.LedgerEntries.AsNoTracking().Where(e => e.Office == office && e.Account == LedgerAccount.Custody);
        var inPeriod = await custody.Where(e => e.ValueDate >= from && e.ValueDate <= to).OrderBy(e => e.Id).ToListAsync(context.CancellationToken);
        var held = await custody.Where(e => e.ValueDate <= to).SumExactAsync(context.CancellationToken);
        var statement = await db.StatementLines.AsNoTracking().Where(s => s.Office == office && s.ValueDate >= from && s.ValueDate <= to).OrderBy(s => s.ValueDate).ThenBy(s => s.Id).ToListAsync(context.CancellationToken);
        var matched = (await db.StatementLines.AsNoTracking().Where(s => s.Office == office && s.MatchedTransactionId != null).Select(s => s.MatchedTransactionId!).ToListAsync(context.CancellationToken)).ToHashSet(StringComparer.Ordinal);

        var response = new V1.GetReconciliationReportResponse
        {
            Office = office,
            FromDate = request.FromDate,
            ToDate = request.ToDate,
            Receipts = ExactSums.ToDong(ExactSums.Of(inPeriod.Where(e => e.Amount > 0).Select(e => e.Amount)), "the receipts"),
            Payouts = ExactSums.ToDong(-ExactSums.Of(inPeriod.Where(e => e.Amount < 0).Select(e => e.Amount)), "the payouts"),
            HeldBalance = ExactSums.ToDong(held, "the held balance"),
            Difference = ExactSums.ToDong(ExactSums.Of(statement.Select(s => s.Amount)) - ExactSums.Of(inPeriod.Select(e => e.Amount)), "the difference"),
            MatchedLines = statement.Count(s => s.MatchedTransactionId is not null),
        };
        response.UnknownStatementLines.Add(statement.Where(s => s.MatchedTransactionId is null).Select(s => s.ToProto()));
        response.MissingFromStatement.Add(inPeriod.Where(e => !matched.Contains(e.TransactionId)).Select(e => e.ToProto()));
        response.Csv = ReconciliationCsv.Write(response);
        return response;
    }

    public sealed class Validator : AbstractValidator<V1.GetReconciliationReportRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Office).Optional(64);
            RuleFor(r => r.FromDate).IsDate();
            RuleFor(r => r.ToDate).IsDate()
                .Must((r, to) => r.FromDate.ToDateOnly() is not { } f || to.ToDateOnly() is not { } t || t >= f).WithMessage("to_date cannot be before from_date.");
        }
    }
}
