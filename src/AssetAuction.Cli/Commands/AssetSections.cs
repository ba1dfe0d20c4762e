using AssetAuction.Cli.Output;
using AssetAuction.Contracts.V1;

namespace AssetAuction.Cli.Commands;

/// <summary>How assets read in tables (shared by the seizure and asset commands).</summary>
internal static class AssetSections
{
    public static Section List(string title, IEnumerable<Asset> assets) => Section.Table(title, assets,
        ("name", a => a.Name),
        ("state", a => ProtoText.Enum(a.State)),
        ("kind", a => ProtoText.Enum(a.Kind)),
        ("office", a => a.Office),
        ("case", a => a.Seizure?.EnforcementCase?.CaseNumber ?? ""),
        ("description", a => a.Description),
        ("starting price", a => a.StartingPrice == 0 ? "" : Printer.Money(a.StartingPrice)));

    public static Section Summary(Asset a) => Section.Fields(a.Name,
        ("state", ProtoText.Enum(a.State)),
        ("kind", ProtoText.Enum(a.Kind)),
        ("description", a.Description),
        ("office", a.Office),
        ("case", a.Seizure?.EnforcementCase?.CaseNumber ?? ""),
        ("officer", a.Seizure?.EnforcementCase?.Officer ?? ""),
        ("seized on", ProtoText.Date(a.Seizure?.SeizureDate)),
        ("owners", string.Join("; ", a.Owners.Select(o => $"{o.Party?.FullName} {o.ShareNumerator}/{o.ShareDenominator}{(o.JudgmentDebtor ? " (debtor)" : "")}"))),
        ("starting price", a.StartingPrice == 0 ? "" : Printer.Money(a.StartingPrice)),
        ("auction rounds", a.Rounds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("etag", a.Etag),
        ("updated", ProtoText.Instant(a.UpdateTime)));

    public static Section TimeLimits(string title, IEnumerable<TimeLimit> limits) => Section.Table(title, limits,
        ("time limit", t => ProtoText.Enum(t.Kind)),
        ("state", t => ProtoText.Enum(t.State)),
        ("due", t => ProtoText.Date(t.DueDate)),
        ("opened", t => ProtoText.Date(t.OpenedOn)),
        ("closed", t => ProtoText.Date(t.ClosedOn)),
        ("asset", t => t.Name.Split("/timeLimits/")[0]),
        ("officer", t => t.Officer),
        ("basis", t => t.Basis));

    public static Section History(IEnumerable<HistoryEntry> history) => Section.Table("History", history,
        ("legal date", h => ProtoText.Date(h.LegalDate)),
        ("recorded", h => ProtoText.Instant(h.Time) + (h.RecordedLate ? " (late)" : "")),
        ("action", h => h.Action),
        ("from", h => ProtoText.Enum(h.FromState)),
        ("to", h => ProtoText.Enum(h.ToState)),
        ("by", h => h.Actor),
        ("note", h => h.Note));
}
