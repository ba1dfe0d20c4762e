using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Common;
using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Proceeds;

/// <summary>A payout under an approved plan; when the last creditor is paid, the asset's time limit for paying the creditors is met.</summary>
public sealed class RecordPayout(AssetAuctionDbContext db, MutationRunner runner, StepContexts steps, LedgerWriter ledger)
{
    /// <summary>The ledger kind of a payout under a plan.</summary>
    public const string LedgerKind = "payout";

    public Task<V1.RecordPayoutResponse> HandleAsync(V1.RecordPayoutRequest request, RequestContext context) =>
        runner.RunAsync(context, request, request.RequestId, async log =>
        {
            var plan = await StoredPlans.LoadAsync(db, request.Name, context);
            context.Caller.EnsureCanChange(plan.Office, plan.Name);
            ApproveDistributionPlan.CheckEtag(plan, request.Etag);
            var before = plan.ToProto();
            var paidOn = request.Payout.PaidOn.ToDateOnly()!.Value;
            if (plan.ApproveTime is { } approvedAt && paidOn < VietnamTime.DateAt(approvedAt))
            {
                throw DomainException.Precondition(Reasons.DateBeforePreviousStep, plan.Name, "A payout cannot be dated before the plan's approval.");
            }

            var (payee, completedCreditors) = plan.RecordPayout(new PayoutRecord
            {
                Account = ProceedsMapping.AccountOf(request.Payout.PayeeKind),
                CreditorId = request.Payout.CreditorId.Trim(),
                Amount = request.Payout.Amount,
                PaidOn = paidOn,
                Method = (int)request.Payout.Method,
                Reference = request.Payout.Reference.Trim(),
                RecordedBy = context.Caller.Subject,
            });
            var after = plan.ToProto();
            log.Record(EventTypes.DistributionPlanPayoutRecorded, plan.Name, plan.Office, before, after);
            var caseNumber = await db.Assets.AsNoTracking().Where(a => a.Id == plan.AssetId).Select(a => a.CaseNumber).SingleAsync(context.CancellationToken);
            ledger.Write(
                MoneyMovement.Between(LedgerKind, paidOn, request.Payout.Reference.Trim(), payee.Account, LedgerAccount.Custody, request.Payout.Amount, debitCreditor: payee.IsCreditor ? payee.CreditorId : ""),
                plan.Office,
                plan.AssetId,
                caseNumber);

            // "All paid out" happens once per plan: the payout that completed the creditors' shares records it on the
            // asset; later payouts (fees, surplus) change only the plan, not the asset's version or history.
            if (completedCreditors)
            {
                var asset = await AssetReads.LoadAsync(db, ResourceNames.Asset(plan.AssetId), context.Caller, context.CancellationToken);
                var assetBefore = asset.ToProto();
                asset.RecordProceedsPaidOut(paidOn, steps.For(context));
                log.Record(EventTypes.AssetProceedsPaidOut, asset.Name, asset.Office, assetBefore, asset.ToProto());
            }

            return new V1.RecordPayoutResponse { Plan = after };
        });

    public sealed class Validator : AbstractValidator<V1.RecordPayoutRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsPlanName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.Payout).NotNull().WithMessage("Is required.").DependentRules(() =>
            {
                RuleFor(r => r.Payout.PayeeKind).IsDefinedValue().WithMessage("Must be a known payee kind.");
                RuleFor(r => r.Payout.CreditorId).Required(64).When(r => r.Payout.PayeeKind is V1.PayeeKind.Unspecified or V1.PayeeKind.Creditor);
                RuleFor(r => r.Payout.CreditorId).Optional(64).When(r => r.Payout.PayeeKind is not (V1.PayeeKind.Unspecified or V1.PayeeKind.Creditor));
                RuleFor(r => r.Payout.Amount).IsPositiveMoney();
                RuleFor(r => r.Payout.PaidOn).IsPastDate(clock);
                RuleFor(r => r.Payout.Method).IsDefinedValue().NotEqual(V1.Payout.Types.Method.Unspecified).WithMessage("Say how it was paid.");
                RuleFor(r => r.Payout.Reference).Required(128);
            });
        }
    }
}
