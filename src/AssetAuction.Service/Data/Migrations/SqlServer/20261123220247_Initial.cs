using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetAuction.Service.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Time = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Role = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Office = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Rpc = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Resource = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RequestId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    BeforeJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    AfterJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    PreviousHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Resource = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Office = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Time = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RequestId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Payload = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "IdempotencyRecords",
                columns: table => new
                {
                    RequestId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Method = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RequestHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Response = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    CreateTime = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotencyRecords", x => x.RequestId);
                });

            migrationBuilder.CreateTable(
                name: "JournalHeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    LastEventSequence = table.Column<long>(type: "bigint", nullable: false),
                    LastAuditSequence = table.Column<long>(type: "bigint", nullable: false),
                    LastAuditHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalHeads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Seizures",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Case_CaseNumber = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Case_DecisionNumber = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Case_DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Case_Office = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Case_Officer = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    SeizureDate = table.Column<DateOnly>(type: "date", nullable: false),
                    MinutesNumber = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    CreateTime = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Debtors = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Seizures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Assets",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    SeizureId = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Office = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CaseNumber = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    IdentityKey = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ActiveIdentityKey = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ReleaseReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    ReleaseTime = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CreateTime = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdateTime = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    Encumbrances = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    House = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Land = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Movable = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Owners = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Vehicle = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assets_Seizures_SeizureId",
                        column: x => x.SeizureId,
                        principalTable: "Seizures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "JournalHeads",
                columns: new[] { "Id", "LastAuditHash", "LastAuditSequence", "LastEventSequence" },
                values: new object[] { 1, "0000000000000000000000000000000000000000000000000000000000000000", 0L, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_Assets_ActiveIdentityKey",
                table: "Assets",
                column: "ActiveIdentityKey",
                unique: true,
                filter: "[ActiveIdentityKey] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_IdentityKey",
                table: "Assets",
                column: "IdentityKey");

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Office_CaseNumber",
                table: "Assets",
                columns: new[] { "Office", "CaseNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Assets_Office_Id",
                table: "Assets",
                columns: new[] { "Office", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Assets_SeizureId",
                table: "Assets",
                column: "SeizureId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Resource_Sequence",
                table: "AuditEntries",
                columns: new[] { "Resource", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_Office_Sequence",
                table: "Events",
                columns: new[] { "Office", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Assets");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "Events");

            migrationBuilder.DropTable(
                name: "IdempotencyRecords");

            migrationBuilder.DropTable(
                name: "JournalHeads");

            migrationBuilder.DropTable(
                name: "Seizures");
        }
    }
}
