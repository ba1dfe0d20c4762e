using AssetAuction.Contracts.V1;
using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Common;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using DomainAsset = AssetAuction.Domain.Assets.Asset;

namespace AssetAuction.Service.Seizures;

/// <summary>Registers one seizure act (kê biên) and its assets.</summary>
public sealed class RegisterSeizure(AssetAuctionDbContext db, MutationRunner runner, StepContexts steps)
{
    public const string AssetRegistered = EventTypes.AssetSeized;

    public Task<RegisterSeizureResponse> HandleAsync(RegisterSeizureRequest request, RequestContext context) =>
        runner.RunOptimisticallyAsync(context, request, async log =>
        {
            var office = request.EnforcementCase.Office.Trim();
            context.Caller.EnsureCanChange(office, "the enforcement case");
            var step = steps.For(context);
            var now = step.Now;
            var act = new Domain.Assets.SeizureAct(step.NewId(), ToDomain(request.EnforcementCase), request.Debtors.Select(d => d.ToDomain()), request.SeizureDate.ToDateOnly()!.Value, request.MinutesNumber.Trim(), now);
            var assets = request.Assets
                .Select(a => DomainAsset.Seize(step.NewId(), act, a.Description.Trim(), a.ToDomainDetails(), a.Owners.Select(o => o.ToDomain()), a.Encumbrances.Select(e => e.ToDomain()), step, a.SourceReference.Trim()))
                .ToList();
            await EnsureNoneUnderActiveSeizureAsync(assets, context.Caller, context.CancellationToken);
            await EnsureSourceReferencesFreeAsync(assets, context.CancellationToken);

            // New aggregates only: written as prepared INSERTs, with each asset's fact and view, never tracked.
            log.Insert(act);
            var response = new RegisterSeizureResponse { Seizure = act.ToProto() };
            foreach (var asset in assets)
            {
                log.Insert(asset);
                var proto = asset.ToProto();
                log.Serialized(asset, asset.Version, proto); // its view is these bytes: mapped and serialised once
                response.Assets.Add(proto);
                log.Record(AssetRegistered, asset.Name, asset.Office, null, proto);
            }

            return response;
        });

    /// <summary>A source system reference names one asset per office (the unique index backs this up under a race).</summary>
    private async Task EnsureSourceReferencesFreeAsync(List<DomainAsset> assets, CancellationToken ct)
    {
        var references = assets.Where(a => a.SourceReference is not null).Select(a => a.SourceReference).ToList();
        if (references.Count == 0)
        {
            return;
        }

        var office = assets[0].Office;
        var taken = await db.Assets.AsNoTracking()
            .Where(a => a.Office == office && references.Contains(a.SourceReference))
            .Select(a => new { a.Id, a.SourceReference })
            .FirstOrDefaultAsync(ct);
        if (taken is not null)
        {
            var name = ResourceNames.Asset(taken.Id);
            throw DomainException.Precondition(
                Reasons.SourceReferenceExists,
                name,
                $"The office already has {name} with source reference '{taken.SourceReference}'; read it with GetAsset (source_reference) instead of registering it again.",
                new Dictionary<string, string> { ["existing_asset"] = name, ["source_reference"] = taken.SourceReference! });
        }
    }

    private async Task EnsureNoneUnderActiveSeizureAsync(List<DomainAsset> assets, Security.Caller caller, CancellationToken ct)
    {
        var keys = assets.Where(a => a.ActiveIdentityKey is not null).Select(a => a.ActiveIdentityKey!).ToList();
        if (keys.Count == 0)
        {
            return;
        }

        var other = await ActiveSeizureHolders.FirstAsync(db, keys, ct);
        if (other is null)
        {
            return;
        }

        var kind = other.ActiveIdentityKey!.StartsWith("land:", StringComparison.Ordinal) ? "land parcel" : "vehicle";
        if (!caller.CanSeeOffice(other.Office))
        {
            // Another office's asset is NOT_FOUND to this caller everywhere else, so its name and office are not
            // told here either: only that the thing the caller itself described is under someone else's seizure.
            throw DomainException.Precondition(
                Reasons.AssetAlreadySeized,
                other.ActiveIdentityKey,
                $"This {kind} is already under an active seizure by another enforcement office; ask that office (or a supervisor) to release it first.",
                new Dictionary<string, string> { ["identity"] = other.ActiveIdentityKey });
        }

        var otherName = ResourceNames.Asset(other.Id);
        throw DomainException.Precondition(
            Reasons.AssetAlreadySeized,
            otherName,
            $"This {kind} is already under an active seizure as {otherName}; release that seizure first.",
            new Dictionary<string, string> { ["other_asset"] = otherName, ["other_office"] = other.Office, ["identity"] = other.ActiveIdentityKey });
    }

    internal static Domain.Assets.EnforcementCase ToDomain(Contracts.V1.EnforcementCase c) => new()
    {
        CaseNumber = c.CaseNumber.Trim(),
        DecisionNumber = c.DecisionNumber.Trim(),
        DecisionDate = c.DecisionDate.ToDateOnly()!.Value,
        Office = c.Office.Trim(),
        Officer = c.Officer.Trim(),
        StateBudgetDebt = c.StateBudgetDebt,
    };

    /// <summary>The shape of a seizure act. Rules that need stored state (duplicates) are in the handler.</summary>
    public sealed class Validator : AbstractValidator<RegisterSeizureRequest>
    {
        public const int MaxAssets = 200;
        public const int MaxParties = 50;

        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.EnforcementCase).NotNull().WithMessage("Is required.").DependentRules(() =>
            {
                RuleFor(r => r.EnforcementCase.CaseNumber).Required(128);
                RuleFor(r => r.EnforcementCase.DecisionNumber).Required(128);
                RuleFor(r => r.EnforcementCase.Office).Required(64);
                RuleFor(r => r.EnforcementCase.Officer).Required(128);
                RuleFor(r => r.EnforcementCase.DecisionDate).IsDate();
                RuleFor(r => r.EnforcementCase.DecisionDate)
                    .Must((r, d) => d.ToDateOnly() is not { } decided || r.SeizureDate.ToDateOnly() is not { } seized || decided <= seized)
                    .WithMessage("The enforcement decision cannot be dated after the seizure.");
            });
            RuleFor(r => r.Debtors).NotEmpty().WithMessage("At least one judgment debtor is required.");
            RuleFor(r => r.Debtors).Must(d => d.Count <= MaxParties).WithMessage($"At most {MaxParties} debtors.");
            // Elements are validated only once their count is allowed: 20,000 bad debtors are one violation, not 20,000.
            RuleForEach(r => r.Debtors).SetValidator(new PartyValidator()).When(r => r.Debtors.Count <= MaxParties);
            RuleFor(r => r.SeizureDate).IsPastDate(clock);
            RuleFor(r => r.MinutesNumber).Required(128);
            RuleFor(r => r.Assets).NotEmpty().WithMessage("At least one asset is required.")
                .Must(a => a.Count <= MaxAssets).WithMessage($"At most {MaxAssets} assets in one seizure act.");
            When(r => r.Assets.Count <= MaxAssets, () =>
            {
                RuleForEach(r => r.Assets).SetValidator(new NewAssetValidator());
                RuleForEach(r => r.Assets)
                    .Must((r, a) => Identity(a) is not { } key || r.Assets.Count(x => Identity(x) == key) == 1)
                    .WithMessage("The same parcel or vehicle is listed twice in this seizure act.");
                RuleForEach(r => r.Assets)
                    .Must((r, a) => a.SourceReference.Trim().Length == 0 || r.Assets.Count(x => x.SourceReference.Trim() == a.SourceReference.Trim()) == 1)
                    .WithMessage("The same source_reference is given to two assets of this seizure act.");
            });
        }

        private static string? Identity(NewAsset a) => a.DetailsCase switch
        {
            NewAsset.DetailsOneofCase.LandUseRight => AssetIdentity.Parcel(a.LandUseRight.Province, a.LandUseRight.Commune, a.LandUseRight.MapSheetNumber, a.LandUseRight.ParcelNumber),
            NewAsset.DetailsOneofCase.RoadVehicle => AssetIdentity.Vehicle(a.RoadVehicle.ChassisNumber),
            _ => null,
        };
    }
}
