/**
 * The form a request used, which the URIs of its response repeat: the path prefix
 * (`/api/laml/2010-04-01` or `/2010-04-01`) and whether the path ended in `.json`.
 */
export interface RequestView {
  prefix: string;
  json: boolean;
}
