using AssetAuction.Domain.Common;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Requests;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Backlog;

/// <summary>
/// A record's shape, judged by the same validators its parts meet as RPCs (RegisterSeizure, each act's RPC,
/// RegisterObligation), with field paths from the record: "seizure.debtors[0].full_name",
/// "acts[2].record_auction_result.sold.winning_price". Rules that need stored data or the law come later.
/// </summary>
public sealed class ImportRecordCheck(ImportActs acts, IValidator<V1.RegisterSeizureRequest> seizures, IValidator<V1.RegisterObligationRequest> obligations, IValidator<V1.CustodyOpeningBalance> balances)
{
    /// <summary>Stands in for the request_id a record's parts do not carry.</summary>
    private const string PlaceholderRequestId = "00000000-0000-4000-8000-000000000000";

    /// <summary>Stands in for the name of the asset the record will create.</summary>
    private const string PlaceholderAsset = "assets/00000000000000000000000000000000";

    /// <summary>The first thing wrong with the record's shape, or null when it has the shape of an import record of <paramref name="office"/>.</summary>
    public ImportFailure? Check(V1.ImportRecord record, string office)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (RepeatedFieldLimit.Check(record) is { Count: > 0 } tooMany)
        {
            return ImportFailure.Invalid(tooMany[0].Field, tooMany[0].Description);
        }

        var reference = record.SourceReference.Trim();
        if (reference.Length == 0 || reference.Length > 128)
        {
            return ImportFailure.Invalid("source_reference", "Give the asset's reference in the source system (1 to 128 characters); it makes the import repeatable.");
        }

        if (record.Seizure is null)
        {
            return ImportFailure.Invalid("seizure", "Give the seizure act of the asset.");
        }

        return CheckSeizure(record, office, reference)
            ?? CheckActs(record)
            ?? CheckObligations(record, office)
            ?? (record.OpeningBalance is null ? null : First(balances.Validate(record.OpeningBalance), V1.CustodyOpeningBalance.Descriptor, "opening_balance."));
    }

    private ImportFailure? CheckSeizure(V1.ImportRecord record, string office, string reference)
    {
        var seizure = record.Seizure.Clone();
        seizure.RequestId = PlaceholderRequestId;
        if (seizure.EnforcementCase is { Office.Length: 0 } blank)
        {
            blank.Office = office;
        }

        if (First(seizures.Validate(seizure), V1.RegisterSeizureRequest.Descriptor, "seizure.") is { } invalid)
        {
            return invalid;
        }

        if (seizure.EnforcementCase.Office.Trim() != office)
        {
            return new ImportFailure(-1, "seizure.enforcement_case.office", ServiceReasons.OfficeNotAllowed, $"This import is into office {office}; a record of another office is imported by that office.");
        }

        if (seizure.Assets.Count != 1)
        {
            return ImportFailure.Invalid("seizure.assets", "An import record holds exactly one asset; give each asset of a seizure act its own record.");
        }

        var own = seizure.Assets[0].SourceReference.Trim();
        return own.Length > 0 && own != reference
            ? ImportFailure.Invalid("seizure.assets[0].source_reference", $"Leave it empty or give the record's source_reference ('{reference}').")
            : null;
    }

    private ImportFailure? CheckActs(V1.ImportRecord record)
    {
        for (var i = 0; i < record.Acts.Count; i++)
        {
            var act = record.Acts[i];
            if (ImportActs.MessageOf(act) is not { } message)
            {
                return new ImportFailure(i, $"acts[{i}]", Reasons.InvalidArgument, "Name the act (record_valuation, schedule_auction_round, ...).");
            }

            if (acts.Validate(message, PlaceholderAsset) is { Count: > 0 } violations)
            {
                var first = violations[0];
                return new ImportFailure(i, $"acts[{i}].{ImportActs.FieldOf(act)!.Name}.{first.Field}", Reasons.InvalidArgument, More(first.Description, violations.Count));
            }
        }

        return null;
    }

    private ImportFailure? CheckObligations(V1.ImportRecord record, string office)
    {
        var caseNumber = record.Seizure.EnforcementCase.CaseNumber.Trim();
        for (var i = 0; i < record.Obligations.Count; i++)
        {
            var item = record.Obligations[i];
            var path = $"obligations[{i}]";
            if (item.Obligation is null)
            {
                return ImportFailure.Invalid(path + ".obligation", "Is required.");
            }

            var obligation = ImportRecordParts.ObligationOf(item, office, caseNumber, PlaceholderAsset);
            if (obligation.Office.Trim() != office)
            {
                return ImportFailure.Invalid(path + ".obligation.office", $"Leave it empty or give the record's office ({office}).");
            }

            if (obligation.CaseNumber.Trim() != caseNumber)
            {
                return ImportFailure.Invalid(path + ".obligation.case_number", $"Leave it empty or give the record's case ({caseNumber}): a record brings its own case's obligations.");
            }

            if (item.SecuredByThisAsset && item.Obligation.SecuredByAsset.Length > 0)
            {
                return ImportFailure.Invalid(path + ".secured_by_this_asset", "Give secured_by_this_asset or obligation.secured_by_asset, not both.");
            }

            var request = new V1.RegisterObligationRequest { RequestId = PlaceholderRequestId, Obligation = obligation };
            if (First(obligations.Validate(request), V1.RegisterObligationRequest.Descriptor, path + ".") is { } invalid)
            {
                return invalid;
            }
        }

        return null;
    }

    private static ImportFailure? First(FluentValidation.Results.ValidationResult result, Google.Protobuf.Reflection.MessageDescriptor descriptor, string prefix)
    {
        if (result.IsValid)
        {
            return null;
        }

        var first = result.Errors[0];
        return ImportFailure.Invalid(prefix + ProtoFieldPath.FromPropertyPath(descriptor, first.PropertyName), More(first.ErrorMessage, result.Errors.Count));
    }

    private static string More(string description, int count) =>
        count <= 1 ? description : $"{description} (and {count - 1} more problem{(count == 2 ? "" : "s")} in the record)";

    /// <summary>The shape of an opening balance: an amount of dong, the day it was taken, the source's reference.</summary>
    public sealed class BalanceValidator : AbstractValidator<V1.CustodyOpeningBalance>
    {
        public BalanceValidator(TimeProvider clock)
        {
            RuleFor(b => b.Amount).IsPositiveMoney();
            RuleFor(b => b.AsOf).IsPastDate(clock);
            RuleFor(b => b.Reference).Optional(128);
        }
    }
}
