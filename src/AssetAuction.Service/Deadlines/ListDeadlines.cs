using System.Globalization;
using AssetAuction.Contracts.V1;
using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Calendar;
using AssetAuction.Domain.Common;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Deadlines;

/// <summary>Open time limits of an office, soonest due first, keyset-paged on (due date, id).</summary>
public sealed class ListDeadlines(AssetAuctionDbContext db, WorkingDayCalendar calendar, TimeProvider clock)
{
    public async Task<ListDeadlinesResponse> HandleAsync(ListDeadlinesRequest request, RequestContext context)
    {
        var office = OfficeScope.Resolve(request.Office, context);
        var today = VietnamTime.DateAt(clock.GetUtcNow());
        var within = request.WithinWorkingDays == 0 ? 5 : request.WithinWorkingDays;
        var filters = $"{office}|{request.Officer}|{request.Asset}|{(int)request.View}|{within}";
        var after = PageToken.Decode(request.PageToken, filters);
        var size = PageToken.Size(request.PageSize);

        var query = db.Deadlines.AsNoTracking().Where(d => d.State == DeadlineState.Open);
        if (office.Length > 0)
        {
            query = query.Where(d => d.Office == office);
        }

        if (request.Officer.Length > 0)
        {
            query = query.Where(d => d.Officer == request.Officer);
        }

        if (request.Asset.Length > 0)
        {
            var assetId = ResourceNames.AssetId(request.Asset);
            query = query.Where(d => d.AssetId == assetId);
        }

        query = request.View switch
        {
            ListDeadlinesRequest.Types.View.Overdue => query.Where(d => d.DueDate < today),
            ListDeadlinesRequest.Types.View.DueSoon => WithinWorkingDays(query, today, calendar.AddWorkingDays(today, within)),
            _ => query,
        };

        if (after is not null)
        {
            var parts = after.Split('|');
            if (parts.Length != 2 || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
            {
                throw PageToken.Invalid();
            }

            var id = parts[1];
            query = query.Where(d => d.DueDate > due || (d.DueDate == due && string.Compare(d.Id, id) > 0));
        }

        var page = await query.OrderBy(d => d.DueDate).ThenBy(d => d.Id).Take(size + 1).ToListAsync(context.CancellationToken);
        var response = new ListDeadlinesResponse();
        response.TimeLimits.Add(page.Take(size).Select(d => d.ToProto()));
        if (page.Count > size)
        {
            var last = page[size - 1];
            response.NextPageToken = PageToken.Encode($"{last.DueDate:yyyy-MM-dd}|{last.Id}", filters);
        }

        return response;
    }

    private static IQueryable<Deadline> WithinWorkingDays(IQueryable<Deadline> query, DateOnly today, DateOnly end) =>
        query.Where(d => d.DueDate >= today && d.DueDate <= end);

    public sealed class Validator : AbstractValidator<ListDeadlinesRequest>
    {
        public Validator()
        {
            RuleFor(r => r.View).IsDefinedValue().NotEqual(ListDeadlinesRequest.Types.View.Unspecified).WithMessage("Say which: VIEW_OVERDUE, VIEW_DUE_SOON or VIEW_OPEN.");
            RuleFor(r => r.WithinWorkingDays).InclusiveBetween(0, 250);
            RuleFor(r => r.Office).Optional(64);
            RuleFor(r => r.Officer).Optional(128);
            RuleFor(r => r.Asset).Must(a => a.Length == 0 || ResourceNames.AssetId(a) is not null).WithMessage("Must be empty or assets/{asset}.");
            RuleFor(r => r.PageSize).InclusiveBetween(0, PageToken.MaxPageSize);
        }
    }
}
