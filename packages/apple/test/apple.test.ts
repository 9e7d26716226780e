import { describeEndToEnd, describeProvider } from '@passport-genauth/testing';
import * as apple from '../src';

describeProvider(apple);
describeEndToEnd(apple);
