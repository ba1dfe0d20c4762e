{{/*
Chart name, truncated to the 63 characters a DNS label allows.
*/}}
{{- define "asset-auction.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name. If the release name already contains the chart name it is used as is.
*/}}
{{- define "asset-auction.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "asset-auction.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels.
*/}}
{{- define "asset-auction.labels" -}}
helm.sh/chart: {{ include "asset-auction.chart" . }}
{{ include "asset-auction.selectorLabels" . }}
app.kubernetes.io/version: {{ include "asset-auction.imageTag" . | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: asset-auction
{{- end }}

{{/*
Selector labels: stable across upgrades, never add version labels here.
*/}}
{{- define "asset-auction.selectorLabels" -}}
app.kubernetes.io/name: {{ include "asset-auction.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Selector labels of the service pods. The component keeps the migration Job's pods out of the
Service, the PodDisruptionBudget and the spread constraints.
*/}}
{{- define "asset-auction.serverSelectorLabels" -}}
{{ include "asset-auction.selectorLabels" . }}
app.kubernetes.io/component: server
{{- end }}

{{/*
Service account used by the service pods.
*/}}
{{- define "asset-auction.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "asset-auction.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Service account used by the migration hook Job. A chart-created account does not exist yet
when a pre-install hook runs, so the Job falls back to the namespace default in that case.
*/}}
{{- define "asset-auction.migrationServiceAccountName" -}}
{{- if .Values.migrations.serviceAccountName }}
{{- .Values.migrations.serviceAccountName }}
{{- else if .Values.serviceAccount.create }}
{{- "default" }}
{{- else }}
{{- include "asset-auction.serviceAccountName" . }}
{{- end }}
{{- end }}

{{/*
Image tag (defaults to the chart's appVersion).
*/}}
{{- define "asset-auction.imageTag" -}}
{{- default .Chart.AppVersion .Values.image.tag }}
{{- end }}

{{/*
Full image reference; a digest wins over the tag.
*/}}
{{- define "asset-auction.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (include "asset-auction.imageTag" .) }}
{{- end }}
{{- end }}

{{/*
Names of the referenced (never created) Secrets.
*/}}
{{- define "asset-auction.databaseSecretName" -}}
{{- default (printf "%s-database" (include "asset-auction.fullname" .)) .Values.database.connectionString.existingSecret }}
{{- end }}

{{- define "asset-auction.authSecretName" -}}
{{- default (printf "%s-auth" (include "asset-auction.fullname" .)) .Values.auth.signingKey.existingSecret }}
{{- end }}

{{/*
Environment shared by the service and the migration Job.
*/}}
{{- define "asset-auction.env" -}}
- name: ASPNETCORE_ENVIRONMENT
  value: {{ .Values.environment | quote }}
- name: Kestrel__Endpoints__Grpc__Url
  value: {{ printf "http://+:%d" (int .Values.containerPort) | quote }}
- name: Kestrel__Endpoints__Rest__Url
  value: {{ printf "http://+:%d" (int .Values.rest.containerPort) | quote }}
{{- with .Values.telemetry.otlpEndpoint }}
- name: Telemetry__OtlpEndpoint
  value: {{ . | quote }}
{{- end }}
{{- if .Values.telemetry.prometheus.enabled }}
- name: Telemetry__PrometheusPort
  value: {{ .Values.telemetry.prometheus.port | quote }}
{{- end }}
- name: Database__Provider
  value: {{ .Values.database.provider | quote }}
- name: Database__ConnectionString
  valueFrom:
    secretKeyRef:
      name: {{ include "asset-auction.databaseSecretName" . }}
      key: {{ .Values.database.connectionString.key }}
- name: Database__MigrateOnStartup
  value: "false"
- name: Auth__Issuer
  value: {{ required "auth.issuer is required" .Values.auth.issuer | quote }}
- name: Auth__Audience
  value: {{ required "auth.audience is required" .Values.auth.audience | quote }}
- name: Auth__SigningKey
  valueFrom:
    secretKeyRef:
      name: {{ include "asset-auction.authSecretName" . }}
      key: {{ .Values.auth.signingKey.key }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
A native gRPC probe (grpc.health.v1) with its timings. Argument: dict "probe" "port".
*/}}
{{- define "asset-auction.grpcProbe" -}}
grpc:
  port: {{ .port }}
  {{- with .probe.service }}
  service: {{ . | quote }}
  {{- end }}
periodSeconds: {{ .probe.periodSeconds }}
timeoutSeconds: {{ .probe.timeoutSeconds }}
failureThreshold: {{ .probe.failureThreshold }}
{{- end }}
