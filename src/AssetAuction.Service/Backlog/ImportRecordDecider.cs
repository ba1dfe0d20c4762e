using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Calendar;
using AssetAuction.Domain.Common;
using AssetAuction.Domain.Organizations;
using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Proceeds;
using AssetAuction.Service.Seizures;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Backlog;

/// <summary>
/// Replays one record on a new asset, in memory: the seizure, then each act through its RPC's own Apply, judged
/// by the rule set and working-day calendar of the act's own legal date (the domain does that), every history
/// line marked with the import. The first act the law refuses fails the whole record, named by index and field.
/// </summary>
public static class ImportRecordDecider
{
    public static (DecidedRecord? Decided, ImportFailure? Failure) Decide(V1.ImportRecord record, string digest, StepContext step, IReadOnlyDictionary<string, AuctionOrganization> organizations)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(step);
        var seizure = record.Seizure;
        var enforcementCase = RegisterSeizure.ToDomain(seizure.EnforcementCase);
        var act = new SeizureAct(step.NewId(), enforcementCase, seizure.Debtors.Select(d => d.ToDomain()), seizure.SeizureDate.ToDateOnly()!.Value, seizure.MinutesNumber.Trim(), step.Now);
        var input = seizure.Assets[0];
        Asset asset;
        try
        {
            asset = Asset.Seize(step.NewId(), act, input.Description.Trim(), input.ToDomainDetails(), input.Owners.Select(o => o.ToDomain()), input.Encumbrances.Select(e => e.ToDomain()), step, record.SourceReference.Trim());
        }
        catch (Exception e) when (Refusal(e, "seizure.") is { } refused)
        {
            return (null, refused);
        }

        for (var i = 0; i < record.Acts.Count; i++)
        {
            try
            {
                ImportActs.Apply(asset, record.Acts[i], step, organizations);
            }
            catch (Exception e) when (Refusal(e, $"acts[{i}].{ImportActs.FieldOf(record.Acts[i])!.Name}.") is { } refused)
            {
                return (null, refused with { ActIndex = i });
            }
        }

        try
        {
            var balance = record.OpeningBalance;
            asset.CompleteImport(digest, balance?.Amount ?? 0, balance?.AsOf.ToDateOnly() ?? act.SeizureDate, balance?.Reference.Trim() ?? "");
        }
        catch (Exception e) when (Refusal(e, "opening_balance.") is { } refused)
        {
            return (null, refused);
        }

        var obligations = record.Obligations
            .Select(item => ImportRecordParts.ObligationOf(item, asset.Office, asset.CaseNumber, asset.Name))
            .Select(o => new RegisteredObligation(step.NewId(), asset.Office, asset.CaseNumber, o.ToCalculation(), o.Creditor.IdentityNumber.Trim(), step.Now))
            .ToList();
        return (new DecidedRecord(asset, act, obligations), null);
    }

    /// <summary>A refusal by the law or the calendar, as the act's RPC would give it; null for anything else (a bug: let it fail the call).</summary>
    private static ImportFailure? Refusal(Exception error, string prefix) => error switch
    {
        DomainException refused => new ImportFailure(-1, refused.Metadata.TryGetValue("field", out var field) ? prefix + field : prefix.TrimEnd('.'), refused.Reason, refused.Message),
        CalendarRangeException outside => new ImportFailure(-1, prefix.TrimEnd('.'), Reasons.DateBeyondCalendar, $"A date, or a time limit counted from it, falls in {outside.Year}, outside the years the working-day calendar covers."),
        _ => null,
    };
}
