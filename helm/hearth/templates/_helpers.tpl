{{/* The name of a service's resources: <release>-<service>. */}}
{{- define "hearth.fullname" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "hearth.labels" -}}
app.kubernetes.io/name: hearth
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "hearth.selector" -}}
app.kubernetes.io/name: hearth
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* A service's settings: the defaults block overridden by services.<name>. */}}
{{- define "hearth.config" -}}
{{- $service := index .root.Values.services .name -}}
{{- toYaml (mustMergeOverwrite (deepCopy .root.Values.defaults) (deepCopy $service)) -}}
{{- end -}}

{{- define "hearth.image" -}}
{{- $tag := default .root.Chart.AppVersion .root.Values.global.image.tag -}}
{{- printf "%s/%s:%s" .root.Values.global.image.registry (ternary "gateway" (printf "%s-service" .name) (eq .name "gateway")) $tag -}}
{{- end -}}
